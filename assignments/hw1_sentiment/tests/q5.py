from otter.test_files import test_case

OK_FORMAT = False

name = "q5"
points = 2

@test_case(points=0, hidden=False)
def test_q5_types(model, history):
    import keras
    assert isinstance(model, keras.Model), f'model should be a Keras model, got {type(model).__name__}'
    assert isinstance(history, keras.callbacks.History), f'history should be the History object returned by model.fit, got {type(history).__name__}'
    for key in ('loss', 'val_loss'):
        assert key in history.history, f'history.history has no {key!r} entry: did you pass validation_data?'

