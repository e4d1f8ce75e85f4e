from otter.test_files import test_case

OK_FORMAT = False

name = "q3"
points = 3

@test_case(points=0, hidden=False)
def test_q3_shapes(X_train, T_train, X_test, T_test):
    import numpy as np
    for name, value, shape in (('X_train', X_train, (58, 10, 18)), ('T_train', T_train, (58,)), ('X_test', X_test, (21, 10, 18)), ('T_test', T_test, (21,))):
        assert isinstance(value, np.ndarray), f'{name} should be a NumPy array, got {type(value).__name__}'
        assert value.shape == shape, f'{name} should have shape {shape}, got {value.shape}'

