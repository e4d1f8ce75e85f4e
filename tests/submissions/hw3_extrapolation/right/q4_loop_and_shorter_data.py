'''Windows with a Python loop; the datasets from series[:-1], which yields the same 180 and 200 windows.'''
# %% q4
window_length = 20


def make_windows(series, length):
    windows, targets = [], []
    for start in range(len(series) - length):
        windows.append(series[start:start + length])
        targets.append(series[start + length])
    return np.array(windows).reshape(-1, length, 1), np.array(targets)


train_ds = keras.utils.timeseries_dataset_from_array(
    data=y_grid_train[:-1].reshape(-1, 1), targets=y_grid_train[window_length:],
    sequence_length=window_length, sequence_stride=1, sampling_rate=1, batch_size=10, shuffle=False)
test_ds = keras.utils.timeseries_dataset_from_array(
    data=y_grid_test[:-1].reshape(-1, 1), targets=y_grid_test[window_length:],
    sequence_length=window_length, batch_size=10, shuffle=False)

X_windows_train, t_windows_train = make_windows(y_grid_train, window_length)
X_windows_test, t_windows_test = make_windows(y_grid_test, window_length)
print(X_windows_train.shape, t_windows_train.shape, X_windows_test.shape, t_windows_test.shape)
