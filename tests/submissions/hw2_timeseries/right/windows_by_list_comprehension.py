"""Builds the windows with a list comprehension and the targets by indexing, one window at a time."""
# %% q1
window = 50

X = np.array([signal[i:i + window] for i in range(len(signal) - window)])
t = np.array([signal[i + window] for i in range(len(signal) - window)])

print(X.shape, t.shape)
