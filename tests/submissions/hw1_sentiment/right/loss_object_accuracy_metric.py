"""Compiles with the loss object keras.losses.BinaryCrossentropy() and metrics=["accuracy"] instead of
the "binary_crossentropy" string and "binary_accuracy"."""
# %% q4
def small_model(nb_words, nb_features):
    net = keras.Sequential([
        keras.Input((nb_words, nb_features)),
        keras.layers.LSTM(10),
        keras.layers.Dense(1, activation="sigmoid"),
    ])
    net.compile(
        loss=keras.losses.BinaryCrossentropy(),
        optimizer=keras.optimizers.Adam(learning_rate=0.01),
        metrics=["accuracy"],
    )
    return net
