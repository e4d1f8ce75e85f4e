from otter.test_files import test_case

OK_FORMAT = False

name = "q5"
points = 4

@test_case(points=0, hidden=False)
def test_q5_types(make_window_lstm, window_model, window_history, window_test_mse):
    import numbers
    import keras
    assert callable(make_window_lstm), 'make_window_lstm should be a function'
    assert isinstance(window_model, keras.Model), 'window_model should be a Keras model'
    assert isinstance(window_history, keras.callbacks.History), 'window_history should be the value returned by fit'
    assert isinstance(window_test_mse, numbers.Real), 'window_test_mse should be a number'

