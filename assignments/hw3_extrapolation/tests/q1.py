from otter.test_files import test_case

OK_FORMAT = False

name = "q1"
points = 3

@test_case(points=0, hidden=False)
def test_q1_types(make_dense_model, dense_model):
    import keras
    assert callable(make_dense_model), 'make_dense_model should be a function'
    assert isinstance(dense_model, keras.Model), 'dense_model should be a Keras model'

