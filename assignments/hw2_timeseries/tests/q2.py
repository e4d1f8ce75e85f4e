from otter.test_files import test_case

OK_FORMAT = False

name = "q2"
points = 1

@test_case(points=0, hidden=False)
def test_q2_shapes(X_train, T_train, X_test, T_test):
    import numpy as np
    for name, value, shape in [('X_train', X_train, (9000, 50)), ('T_train', T_train, (9000,)), ('X_test', X_test, (950, 50)), ('T_test', T_test, (950,))]:
        assert isinstance(value, np.ndarray), f'{name} should be a numpy array'
        assert value.shape == shape, f'{name} has shape {value.shape}, expected {shape}'

