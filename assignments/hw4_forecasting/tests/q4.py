from otter.test_files import test_case

OK_FORMAT = False

name = "q4"
points = 4

@test_case(points=0, hidden=False)
def test_q4_types(make_forecaster, to_levels, rmse, airline_model, airline_history, airline_train_rmse, airline_test_rmse, airline_persistence_rmse):
    import numbers
    import numpy as np
    import keras
    assert callable(make_forecaster) and callable(to_levels) and callable(rmse), 'make_forecaster, to_levels and rmse should be functions'
    assert isinstance(airline_model, keras.Model), 'airline_model should be a Keras model'
    assert np.shape(airline_model(np.zeros((2, 12, 1), 'float32'))) == (2, 1), 'airline_model should map windows of shape (12, 1) to one forecast each'
    assert isinstance(airline_history, keras.callbacks.History), 'airline_history should be the value returned by fit'
    for name, value in [('airline_train_rmse', airline_train_rmse), ('airline_test_rmse', airline_test_rmse), ('airline_persistence_rmse', airline_persistence_rmse)]:
        assert isinstance(value, numbers.Real), f'{name} should be a number'

