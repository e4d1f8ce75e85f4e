from otter.test_files import test_case

OK_FORMAT = False

name = "q3"
points = 3

@test_case(points=0, hidden=False)
def test_q3_types(create_model, model, history):
    import keras
    assert callable(create_model), 'create_model should be a function'
    assert isinstance(model, keras.Model), 'model should be a Keras model'
    assert isinstance(history, keras.callbacks.History), 'history should be the value returned by model.fit'

