'''Builds train_ds with shuffle=True: the right windows, but in another order at every pass.'''
# loses: q4
# also loses: q5 (window_model is trained on train_ds, and a shuffled train_ds comes in another order at every pass, so the grader cannot replay that training)
# %% q4
window_length = 20


def make_windows(series, length):
    series = np.asarray(series, dtype=float)
    inputs = np.lib.stride_tricks.sliding_window_view(series, length)[:-1]
    targets = series[length:]
    return inputs[..., None].copy(), targets.copy()


train_ds = keras.utils.timeseries_dataset_from_array(y_grid_train[:, None], y_grid_train[window_length:],
                                                     sequence_length=window_length, batch_size=10, shuffle=True)
test_ds = keras.utils.timeseries_dataset_from_array(y_grid_test[:, None], y_grid_test[window_length:],
                                                    sequence_length=window_length, batch_size=10, shuffle=False)

X_windows_train, t_windows_train = make_windows(y_grid_train, window_length)
X_windows_test, t_windows_test = make_windows(y_grid_test, window_length)
print(X_windows_train.shape, t_windows_train.shape, X_windows_test.shape, t_windows_test.shape)
print("batches:", len(list(train_ds)), len(list(test_ds)))
