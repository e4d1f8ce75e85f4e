"""Buffer keeps a view of the array it was given (reshape, no copy) and shifts it in place: append
modifies the caller's array (in the notebook, the copy of X_test[0] it is handed)."""
# loses: q4
# also loses: q5 (predict_recursively builds its window with Buffer, which shifts initial_window in place)
# %% q4
class Buffer:
    """A window of fixed size over a sequence: appending a value pushes the oldest one out."""

    def __init__(self, window, data):
        self.window = window
        self.data = data.reshape((1, window))

    def append(self, value):
        self.data[0, :-1] = self.data[0, 1:].copy()
        self.data[0, -1] = value
