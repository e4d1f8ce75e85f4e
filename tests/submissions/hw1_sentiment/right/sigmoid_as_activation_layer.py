"""Puts the sigmoid in a separate keras.layers.Activation layer after a linear Dense(1)."""
# %% q4
def small_model(nb_words, nb_features):
    net = keras.Sequential([
        keras.Input((nb_words, nb_features)),
        keras.layers.LSTM(10),
        keras.layers.Dense(1),
        keras.layers.Activation("sigmoid"),
    ])
    net.compile(
        loss="binary_crossentropy",
        optimizer=keras.optimizers.Adam(learning_rate=0.01),
        metrics=["binary_accuracy"],
    )
    return net
