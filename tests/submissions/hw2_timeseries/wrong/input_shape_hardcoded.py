"""create_model ignores its argument: the input shape is hard-coded to (50, 1)."""
# loses: q3
# %% q3
def create_model(window):
    inputs = keras.Input((50, 1))
    features = keras.layers.LSTM(20)(inputs)
    outputs = keras.layers.Dense(1, activation="tanh")(features)
    net = keras.Model(inputs, outputs)
    net.compile(loss="mse", optimizer=keras.optimizers.Adam(learning_rate=0.01), metrics=["mae"])
    return net
