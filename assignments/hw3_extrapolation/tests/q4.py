from otter.test_files import test_case

OK_FORMAT = False

name = "q4"
points = 3

@test_case(points=0, hidden=False)
def test_q4_shapes(make_windows, train_ds, test_ds):
    import numpy as np
    import tensorflow as tf
    windows = make_windows(np.arange(30.0), 20)
    assert isinstance(windows, (tuple, list)) and len(windows) == 2, 'make_windows should return two values, (inputs, targets)'
    inputs, targets = windows
    assert np.shape(inputs) == (10, 20, 1), f'make_windows(np.arange(30.0), 20) should give inputs of shape (10, 20, 1), not {np.shape(inputs)}'
    assert np.shape(targets) == (10,), f'make_windows(np.arange(30.0), 20) should give targets of shape (10,), not {np.shape(targets)}'
    for name, ds in [('train_ds', train_ds), ('test_ds', test_ds)]:
        assert isinstance(ds, tf.data.Dataset), f'{name} should be the dataset returned by keras.utils.timeseries_dataset_from_array'

