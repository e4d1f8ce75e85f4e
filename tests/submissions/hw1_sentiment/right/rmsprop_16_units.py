"""small_model with 16 LSTM units and keras.optimizers.RMSprop(learning_rate=0.01) instead of 10 units
and Adam (trained as in the reference: 30 epochs, batches of 10)."""
# %% q4
def small_model(nb_words, nb_features):
    net = keras.Sequential([
        keras.Input((nb_words, nb_features)),
        keras.layers.LSTM(16),
        keras.layers.Dense(1, activation="sigmoid"),
    ])
    net.compile(
        loss="binary_crossentropy",
        optimizer=keras.optimizers.RMSprop(learning_rate=0.01),
        metrics=["binary_accuracy"],
    )
    return net
