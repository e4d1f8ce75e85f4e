"""Off-by-one target: t[i] = signal[i + 49], the last value of window i, instead of signal[i + 50]."""
# loses: q1
# also loses: q3 (the model is trained on the targets of Q1, so it differs from the grader's training)
# %% q1
window = 50

X = np.lib.stride_tricks.sliding_window_view(signal, window)[:-1].copy()
t = signal[window - 1:-1]

print(X.shape, t.shape)
