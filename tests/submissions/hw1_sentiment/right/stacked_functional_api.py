"""Builds stacked_model with the functional API, passing return_sequences explicitly to both LSTM
layers (True, then False), and stores the fit result under the asked name."""
# %% q6
def stacked_model(nb_words, nb_features):
    inputs = keras.Input(shape=(nb_words, nb_features))
    sequence = keras.layers.LSTM(20, return_sequences=True)(inputs)
    summary = keras.layers.LSTM(10, return_sequences=False)(sequence)
    outputs = keras.layers.Dense(1, activation="sigmoid")(summary)
    net = keras.Model(inputs, outputs)
    net.compile(loss="binary_crossentropy", optimizer=keras.optimizers.Adam(learning_rate=0.01),
                metrics=["binary_accuracy"])
    return net


keras.utils.set_random_seed(rng_seed)  # keep this line right before the model is created
stacked = stacked_model(nb_words, len(vocabulary))
stacked.summary()

stacked_history = stacked.fit(X_train, T_train, validation_data=(X_test, T_test), epochs=30, batch_size=10,
                              verbose=0)
