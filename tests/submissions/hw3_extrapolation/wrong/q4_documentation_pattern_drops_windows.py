'''Follows the documentation example (data[:-length] as data): the datasets lose their last 19 windows.'''
# loses: q4
# %% q4
window_length = 20


def make_windows(series, length):
    series = np.asarray(series, dtype=float)
    inputs = np.stack([series[i:i + length] for i in range(len(series) - length)])
    return inputs[..., None], series[length:].copy()


train_ds = keras.utils.timeseries_dataset_from_array(y_grid_train[:-window_length, None], y_grid_train[window_length:],
                                                     sequence_length=window_length, batch_size=10)
test_ds = keras.utils.timeseries_dataset_from_array(y_grid_test[:-window_length, None], y_grid_test[window_length:],
                                                    sequence_length=window_length, batch_size=10)

X_windows_train, t_windows_train = make_windows(y_grid_train, window_length)
X_windows_test, t_windows_test = make_windows(y_grid_test, window_length)
print(X_windows_train.shape, t_windows_train.shape, X_windows_test.shape, t_windows_test.shape)
print("batches:", len(list(train_ds)), len(list(test_ds)))
