from otter.test_files import test_case

OK_FORMAT = False

name = "q3"
points = 3

@test_case(points=0, hidden=False)
def test_q3_types(slides_output_shape, target_shape, make_point_rnn, point_model, point_test_mse):
    import numbers
    import keras
    assert isinstance(slides_output_shape, tuple) and isinstance(target_shape, tuple), 'slides_output_shape and target_shape should be tuples'
    assert callable(make_point_rnn), 'make_point_rnn should be a function'
    assert isinstance(point_model, keras.Model), 'point_model should be a Keras model'
    assert isinstance(point_test_mse, numbers.Real), 'point_test_mse should be a number'

