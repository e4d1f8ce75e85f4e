"""Keeps the seed notebook's target t = signal[time_axis[1:-window+1]], i.e. signal[i + 1]: a value inside
window i (it equals X[i, 1]), not the value right after it."""
# loses: q1
# also loses: q3 (the model is trained on the targets of Q1, so it differs from the grader's training)
# %% q1
window = 50

X = np.lib.stride_tricks.sliding_window_view(signal, window)[:-1].copy()
t = signal[time_axis[1:-window+1]]

print(X.shape, t.shape)
