'''The seed's loop, range(len(series) - look_back - 1): the last window is missing.'''
# loses: q2
# also loses: q4, q5 (the notebook builds their windows with create_dataset: one test window short, the test forecasts miss a month and the reported RMSEs cannot be computed)
# %% q2
def create_dataset(series, look_back):
    series = np.asarray(series)
    data_x, data_y = [], []
    for i in range(len(series) - look_back - 1):
        data_x.append(series[i:i + look_back])
        data_y.append(series[i + look_back])
    return np.array(data_x), np.array(data_y)
