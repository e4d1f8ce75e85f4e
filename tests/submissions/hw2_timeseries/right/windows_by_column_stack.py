"""Builds X column by column (column k is the signal shifted by k) and t with an index array."""
# %% q1
window = 50
nb_windows = len(signal) - window

X = np.stack([signal[k:k + nb_windows] for k in range(window)], axis=1)
t = signal[time_axis[window:]]

print(X.shape, t.shape)
