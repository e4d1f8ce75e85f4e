"""Buffer on np.roll: shift left by one, then overwrite the last value."""
# %% q4
class Buffer:
    """A window of fixed size over a sequence: appending a value pushes the oldest one out."""

    def __init__(self, window, data):
        self.window = window
        self.data = np.copy(data).astype(float).reshape(1, -1)

    def append(self, value):
        self.data = np.roll(self.data, -1, axis=1)
        self.data[0, -1] = value
