from otter.test_files import test_case

OK_FORMAT = False

name = "q2"
points = 2

@test_case(points=0, hidden=False)
def test_q2_shapes(create_dataset):
    import numpy as np
    dataset = create_dataset(np.arange(10.0), 3)
    assert isinstance(dataset, (tuple, list)) and len(dataset) == 2, 'create_dataset should return two numpy arrays, (X, y)'
    X, y = dataset
    assert isinstance(X, np.ndarray) and isinstance(y, np.ndarray), 'create_dataset should return two numpy arrays'
    assert X.ndim == 2 and X.shape[1] == 3, 'X should have one row per window and look_back columns'
    assert y.ndim == 1 and y.shape[0] == X.shape[0], 'y should be 1-D, with one target per window'

