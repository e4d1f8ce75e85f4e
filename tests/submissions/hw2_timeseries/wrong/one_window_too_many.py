"""Keeps all 9951 windows of sliding_window_view, including the last one, which has no value after it."""
# loses: q1
# also loses: q3 (the model is trained and validated on the windows of Q1: fit stops, since X_test then has one window more than T_test)
# %% q1
window = 50

X = np.lib.stride_tricks.sliding_window_view(signal, window).copy()
t = signal[window:].copy()

print(X.shape, t.shape)
