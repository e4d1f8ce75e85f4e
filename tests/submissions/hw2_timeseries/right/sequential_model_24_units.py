"""A keras.Sequential model with 24 LSTM units, Adam(learning_rate=0.008) and the loss given as
keras.losses.MeanSquaredError(); trained on reshaped arrays, silently (verbose=0)."""
# %% q3
def create_model(window):
    net = keras.Sequential([
        keras.Input(shape=(window, 1)),
        keras.layers.LSTM(24),
        keras.layers.Dense(1, activation="tanh"),
    ])
    net.compile(loss=keras.losses.MeanSquaredError(), optimizer=keras.optimizers.Adam(learning_rate=0.008),
                metrics=["mae"])
    return net
# %% q3
keras.utils.set_random_seed(rng_seed)
model = create_model(window)
model.summary()

history = model.fit(X_train.reshape(-1, window, 1), T_train.reshape(-1, 1),
                    validation_data=(X_test.reshape(-1, window, 1), T_test), epochs=12, batch_size=128, verbose=0)
