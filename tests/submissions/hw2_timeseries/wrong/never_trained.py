"""Builds the model but never calls fit: `model` keeps its random weights (and `history` is missing)."""
# loses: q3
# %% q3
def create_model(window):
    inputs = keras.Input((window, 1))
    features = keras.layers.LSTM(20)(inputs)
    outputs = keras.layers.Dense(1, activation="tanh")(features)
    net = keras.Model(inputs, outputs)
    net.compile(loss="mse", optimizer=keras.optimizers.Adam(learning_rate=0.01), metrics=["mae"])
    return net
# %% q3
keras.utils.set_random_seed(rng_seed)
model = create_model(window)
model.summary()
