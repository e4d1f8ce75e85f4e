from otter.test_files import test_case

OK_FORMAT = False

name = "q1"
points = 2

@test_case(points=0, hidden=False)
def test_q1_shapes(signal, window, X, t):
    import numpy as np
    assert window == 50, 'window should be 50'
    assert isinstance(signal, np.ndarray) and signal.shape == (10000,), 'signal should be an array of 10000 values'
    assert isinstance(X, np.ndarray) and X.shape == (9950, 50), 'X should be an array of shape (9950, 50)'
    assert isinstance(t, np.ndarray) and t.shape == (9950,), 't should be an array of shape (9950,)'

