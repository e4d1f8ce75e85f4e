"""Buffer on a collections.deque with maxlen=window; data is a property that builds the (1, window) array."""
# %% q4
from collections import deque


class Buffer:
    """A window of fixed size over a sequence: appending a value pushes the oldest one out."""

    def __init__(self, window, data):
        self.window = window
        self._values = deque(np.asarray(data, dtype=float).ravel(), maxlen=window)

    @property
    def data(self):
        return np.array(self._values, dtype=float).reshape(1, self.window)

    def append(self, value):
        self._values.append(float(value))
