'''The target is the last value of the window, series[i + look_back - 1], not the value after it.'''
# loses: q2
# %% q2
def create_dataset(series, look_back):
    series = np.asarray(series)
    X = np.array([series[i:i + look_back] for i in range(len(series) - look_back)])
    y = series[look_back - 1:-1].copy()
    return X, y
