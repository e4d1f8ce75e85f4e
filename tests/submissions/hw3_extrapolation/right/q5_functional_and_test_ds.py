'''Functional LSTM model; the test error from predictions on test_ds, batch by batch.'''
# %% q5
def make_window_lstm(length):
    inputs = keras.Input(shape=(length, 1))
    state = keras.layers.LSTM(units=4)(inputs)
    outputs = keras.layers.Dense(units=1)(state)
    net = keras.Model(inputs=inputs, outputs=outputs)
    schedule = keras.optimizers.schedules.CosineDecay(0.04, decay_steps=1080)
    net.compile(optimizer=keras.optimizers.Adam(learning_rate=schedule), loss="mse", steps_per_execution=18)
    return net


keras.utils.set_random_seed(rng_seed)
window_model = make_window_lstm(window_length)
window_history = window_model.fit(train_ds.repeat(10), epochs=6, verbose=0)

squared_errors = []
for batch_inputs, batch_targets in test_ds:
    batch_predictions = np.asarray(window_model(batch_inputs, training=False))[:, 0]
    squared_errors.append((batch_predictions - np.asarray(batch_targets)) ** 2)
window_test_mse = float(np.mean(np.concatenate(squared_errors)))
window_predictions = np.asarray(window_model(X_windows_test))[:, 0]
print("test MSE:", window_test_mse)
