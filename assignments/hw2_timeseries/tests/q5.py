from otter.test_files import test_case

OK_FORMAT = False

name = "q5"
points = 2

@test_case(points=0, hidden=False)
def test_q5_types(predict_recursively, predictions):
    import numpy as np
    assert callable(predict_recursively), 'predict_recursively should be a function'
    assert isinstance(predictions, np.ndarray) and predictions.shape == (100,), 'predictions should be a numpy array of shape (100,)'

