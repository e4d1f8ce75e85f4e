'''Trains on the numpy windows of make_windows (X_windows_train, t_windows_train) with fit's own batching, in
order (batch_size=10, shuffle=False, 60 epochs: the same 1080 steps as train_ds.repeat(10) for 6 epochs);
the test error from model.predict.'''
# %% q5
def make_window_lstm(length):
    model = keras.Sequential()
    model.add(keras.Input(shape=(length, 1)))
    model.add(keras.layers.LSTM(4))
    model.add(keras.layers.Dense(1))
    lr = keras.optimizers.schedules.CosineDecay(initial_learning_rate=0.04, decay_steps=1080, alpha=0.0)
    model.compile(loss="mean_squared_error", optimizer=keras.optimizers.Adam(learning_rate=lr))
    return model


keras.utils.set_random_seed(rng_seed)
window_model = make_window_lstm(window_length)
window_history = window_model.fit(X_windows_train, t_windows_train, batch_size=10, epochs=60, shuffle=False, verbose=0)

window_predictions = window_model.predict(X_windows_test, verbose=0).ravel()
window_test_mse = float(((window_predictions - t_windows_test) ** 2).mean())
print("test MSE:", window_test_mse)
