"""The output neuron uses relu instead of sigmoid: its output is not a probability (it can exceed 1
and is exactly 0 for every negative input)."""
# loses: q4
# %% q4
def small_model():
    net = keras.Sequential([
        keras.Input((nb_words, len(vocabulary))),
        keras.layers.LSTM(10),
        keras.layers.Dense(1, activation="relu"),
    ])
    net.compile(
        loss="binary_crossentropy",
        optimizer=keras.optimizers.Adam(learning_rate=0.01),
        metrics=["binary_accuracy"],
    )
    return net
