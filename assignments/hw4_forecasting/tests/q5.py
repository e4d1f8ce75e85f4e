from otter.test_files import test_case

OK_FORMAT = False

name = "q5"
points = 3

@test_case(points=0, hidden=False)
def test_q5_types(milk_model, milk_history, milk_train_rmse, milk_test_rmse, milk_persistence_rmse):
    import numbers
    import numpy as np
    import keras
    assert isinstance(milk_model, keras.Model), 'milk_model should be a Keras model'
    assert np.shape(milk_model(np.zeros((2, 12, 1), 'float32'))) == (2, 1), 'milk_model should map windows of shape (12, 1) to one forecast each'
    assert isinstance(milk_history, keras.callbacks.History), 'milk_history should be the value returned by fit'
    for name, value in [('milk_train_rmse', milk_train_rmse), ('milk_test_rmse', milk_test_rmse), ('milk_persistence_rmse', milk_persistence_rmse)]:
        assert isinstance(value, numbers.Real), f'{name} should be a number'

