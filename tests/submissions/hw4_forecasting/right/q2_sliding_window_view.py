'''Builds the windows with sliding_window_view and drops the window that has no target.'''
# %% q2
def create_dataset(series, look_back):
    values = np.asarray(series, dtype=float)
    windows = np.lib.stride_tricks.sliding_window_view(values, look_back)
    return windows[:-1].copy(), values[look_back:].copy()
