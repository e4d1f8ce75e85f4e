"""Buffer stores data.reshape(...), a view of the caller's array, not a copy: changing that array
afterwards changes the buffer (append itself builds a new array)."""
# loses: q4
# %% q4
class Buffer:
    """A window of fixed size over a sequence: appending a value pushes the oldest one out."""

    def __init__(self, window, data):
        self.window = window
        self.data = np.asarray(data).reshape((1, window))

    def append(self, value):
        self.data = np.concatenate([self.data[:, 1:], [[value]]], axis=1)
