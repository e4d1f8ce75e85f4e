"""Buffer.append puts the new value at the front and drops the last (newest) value."""
# loses: q4
# also loses: q5 (predict_recursively builds its window with Buffer)
# %% q4
class Buffer:
    """A window of fixed size over a sequence: appending a value pushes the oldest one out."""

    def __init__(self, window, data):
        self.window = window
        self.data = np.array(data, dtype=float).reshape((1, window))

    def append(self, value):
        self.data = np.concatenate([[[value]], self.data[:, :-1]], axis=1)
