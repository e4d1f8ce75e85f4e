"""Buffer keeps a view of the array it was given (reshape, no copy) and shifts it in place: append
modifies the caller's array (in the notebook, a row of X_test)."""
# loses: q4
# %% q4
class Buffer:
    """A window of fixed size over a sequence: appending a value pushes the oldest one out."""

    def __init__(self, window, data):
        self.window = window
        self.data = data.reshape((1, window))

    def append(self, value):
        self.data[0, :-1] = self.data[0, 1:].copy()
        self.data[0, -1] = value
