"""Builds small_model with the functional API (keras.Input -> LSTM -> Dense, then keras.Model)
instead of keras.Sequential."""
# %% q4
def small_model(nb_words, nb_features):
    inputs = keras.Input(shape=(nb_words, nb_features))
    summary = keras.layers.LSTM(10)(inputs)
    probability = keras.layers.Dense(1, activation="sigmoid")(summary)
    net = keras.Model(inputs=inputs, outputs=probability)
    net.compile(loss="binary_crossentropy", optimizer=keras.optimizers.Adam(learning_rate=0.01),
                metrics=["binary_accuracy"])
    return net
