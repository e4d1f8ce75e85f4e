"""A subclass of keras.Model: its call adds 0.01 * tanh(Dense(LSTM(x))) to the last value with plain
arithmetic (no Add or Rescaling layer)."""
# %% q3
class ChangeForecaster(keras.Model):
    def __init__(self, units=20):
        super().__init__()
        self.lstm = keras.layers.LSTM(units)
        self.change = keras.layers.Dense(1, activation="tanh")

    def call(self, windows):
        return windows[:, -1, :] + 0.01 * self.change(self.lstm(windows))


def create_model(window):
    net = ChangeForecaster()
    schedule = keras.optimizers.schedules.CosineDecay(0.02, decay_steps=16 * 71)
    net.compile(loss="mse", optimizer=keras.optimizers.Adam(learning_rate=schedule), metrics=["mae"])
    return net
