"""Buffer renamed RingBuffer: q4 loses (and q5, whose recursion uses Buffer); the rest keeps its points."""
# base: fast
# loses: q4 q5
# status: NameError
# %% q4
class RingBuffer:
    """A window of fixed size over a sequence: appending a value pushes the oldest one out."""

    def __init__(self, window, data):
        self.window = window
        self.data = np.array(data, dtype=float).reshape((1, window))

    def append(self, value):
        self.data = np.concatenate([self.data[:, 1:], [[value]]], axis=1)
