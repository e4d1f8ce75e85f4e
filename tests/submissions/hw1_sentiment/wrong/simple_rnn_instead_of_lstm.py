"""Uses a keras.layers.SimpleRNN layer instead of the LSTM layer asked for."""
# loses: q4
# %% q4
def small_model():
    net = keras.Sequential([
        keras.Input((nb_words, len(vocabulary))),
        keras.layers.SimpleRNN(10),
        keras.layers.Dense(1, activation="sigmoid"),
    ])
    net.compile(
        loss="binary_crossentropy",
        optimizer=keras.optimizers.Adam(learning_rate=0.01),
        metrics=["binary_accuracy"],
    )
    return net
