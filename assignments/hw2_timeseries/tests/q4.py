from otter.test_files import test_case

OK_FORMAT = False

name = "q4"
points = 2

@test_case(points=0, hidden=False)
def test_q4_shape(Buffer):
    import numpy as np
    buffer = Buffer(4, np.array([0.1, 0.2, 0.3, 0.4]))
    assert isinstance(buffer.data, np.ndarray) and buffer.data.shape == (1, 4), 'Buffer(4, data).data should be an array of shape (1, 4)'
    buffer.append(0.5)
    assert isinstance(buffer.data, np.ndarray) and buffer.data.shape == (1, 4), 'after append, data should still have shape (1, 4)'

