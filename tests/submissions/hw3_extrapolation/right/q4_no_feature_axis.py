'''Gives timeseries_dataset_from_array the 1-D series: batches of shape (10, 20), which Keras 3 expands to
(10, 20, 1) when it feeds them to a model whose input is (20, 1).'''
# %% q4
window_length = 20


def make_windows(series, length):
    series = np.asarray(series, dtype=float)
    inputs = np.lib.stride_tricks.sliding_window_view(series, length)[:-1]
    return inputs[..., None].copy(), series[length:].copy()


train_ds = keras.utils.timeseries_dataset_from_array(y_grid_train, y_grid_train[window_length:],
                                                     sequence_length=window_length, batch_size=10, shuffle=False)
test_ds = keras.utils.timeseries_dataset_from_array(y_grid_test, y_grid_test[window_length:],
                                                    sequence_length=window_length, batch_size=10, shuffle=False)

X_windows_train, t_windows_train = make_windows(y_grid_train, window_length)
X_windows_test, t_windows_test = make_windows(y_grid_test, window_length)
print(X_windows_train.shape, t_windows_train.shape, X_windows_test.shape, t_windows_test.shape)
print("batches:", len(list(train_ds)), len(list(test_ds)))
