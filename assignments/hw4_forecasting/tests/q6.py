from otter.test_files import test_case

OK_FORMAT = False

name = "q6"
points = 4

@test_case(points=0, hidden=False)
def test_q6_types(digits_Y_train, digits_Y_test, make_digits_model, digits_model, digits_history):
    import numpy as np
    import keras
    assert isinstance(digits_Y_train, np.ndarray) and digits_Y_train.shape == (1347, 10), 'digits_Y_train should be an array of shape (1347, 10)'
    assert isinstance(digits_Y_test, np.ndarray) and digits_Y_test.shape == (450, 10), 'digits_Y_test should be an array of shape (450, 10)'
    assert callable(make_digits_model), 'make_digits_model should be a function'
    assert isinstance(digits_model, keras.Model), 'digits_model should be a Keras model'
    assert np.shape(digits_model(np.zeros((2, 8, 8), 'float32'))) == (2, 10), 'digits_model should map (8, 8) images to 10 probabilities'
    assert isinstance(digits_history, keras.callbacks.History), 'digits_history should be the value returned by fit'

