from otter.test_files import test_case

OK_FORMAT = False

name = "q1"
points = 3

@test_case(points=0, hidden=False)
def test_q1_shapes(lstm_step, lstm_forward):
    import numpy as np
    kernel, recurrent, bias = (np.zeros((3, 8)), np.zeros((2, 8)), np.zeros(8))
    step = lstm_step(np.zeros((4, 3)), np.zeros((4, 2)), np.zeros((4, 2)), kernel, recurrent, bias)
    assert isinstance(step, (tuple, list)) and len(step) == 2, 'lstm_step should return two arrays, (h_t, c_t)'
    h, c = step
    assert np.shape(h) == (4, 2) and np.shape(c) == (4, 2), 'lstm_step should return (h_t, c_t), each of shape (batch, units)'
    out = lstm_forward(np.zeros((4, 6, 3)), kernel, recurrent, bias)
    assert np.shape(out) == (4, 6, 2), 'lstm_forward should return an array of shape (batch, timesteps, units)'

