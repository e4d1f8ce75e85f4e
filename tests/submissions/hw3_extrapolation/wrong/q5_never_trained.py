'''Builds and compiles the windowed LSTM but never trains it.'''
# loses: q5
# %% q5
def make_window_lstm(length):
    net = keras.Sequential([
        keras.Input((length, 1)),
        keras.layers.LSTM(4),
        keras.layers.Dense(1),
    ])
    schedule = keras.optimizers.schedules.CosineDecay(0.04, decay_steps=1080)
    net.compile(optimizer=keras.optimizers.Adam(learning_rate=schedule), loss="mse", steps_per_execution=18)
    return net


keras.utils.set_random_seed(rng_seed)
window_model = make_window_lstm(window_length)


window_predictions = np.asarray(window_model(X_windows_test))[:, 0]
window_test_mse = float(np.mean((window_predictions - t_windows_test) ** 2))
print("test MSE:", window_test_mse)
