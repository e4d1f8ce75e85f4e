"""Calls fit with epochs=0: fit returns a History at once and the model is never trained."""
# loses: q3
# %% q3
def create_model(window):
    inputs = keras.Input((window, 1))
    features = keras.layers.LSTM(20)(inputs)
    change = keras.layers.Rescaling(0.01)(keras.layers.Dense(1, activation="tanh")(features))
    outputs = keras.layers.Add()([inputs[:, -1, :], change])
    net = keras.Model(inputs, outputs)
    schedule = keras.optimizers.schedules.CosineDecay(0.02, decay_steps=16 * 71)
    net.compile(loss="mse", optimizer=keras.optimizers.Adam(learning_rate=schedule), metrics=["mae"])
    return net
# %% q3
keras.utils.set_random_seed(rng_seed)
model = create_model(window)
model.summary()

history = model.fit(X_train[..., None], T_train, validation_data=(X_test[..., None], T_test), epochs=0, batch_size=128, verbose=2)
