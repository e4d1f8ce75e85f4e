'''The windowed LSTM as a subclass of keras.Model, which reshapes its windows to (length, 1) so that
it also reads windows without the feature axis (as right/q4_no_feature_axis makes them); the
schedule given by keyword, no steps_per_execution.'''
# %% q5
class WindowLSTM(keras.Model):
    def __init__(self):
        super().__init__()
        self.to_steps = keras.layers.Reshape((-1, 1))
        self.recurrent = keras.layers.LSTM(4)
        self.head = keras.layers.Dense(1)

    def call(self, inputs):
        return self.head(self.recurrent(self.to_steps(inputs)))


def make_window_lstm(length):
    net = WindowLSTM()
    schedule = keras.optimizers.schedules.CosineDecay(initial_learning_rate=0.04, decay_steps=1080)
    net.compile(optimizer=keras.optimizers.Adam(learning_rate=schedule), loss="mean_squared_error")
    return net


keras.utils.set_random_seed(rng_seed)
window_model = make_window_lstm(window_length)
window_history = window_model.fit(train_ds.repeat(10), epochs=6, verbose=0)

window_predictions = np.asarray(window_model(X_windows_test))[:, 0]
window_test_mse = float(np.mean((window_predictions - t_windows_test) ** 2))
print("test MSE:", window_test_mse)
