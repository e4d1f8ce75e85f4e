"""Forgets the activation of the output neuron: Dense(1) is linear, so the model outputs any real
number, not a probability, while the loss still expects probabilities."""
# loses: q4
# %% q4
def small_model():
    net = keras.Sequential([
        keras.Input((nb_words, len(vocabulary))),
        keras.layers.LSTM(10),
        keras.layers.Dense(1),
    ])
    net.compile(
        loss="binary_crossentropy",
        optimizer=keras.optimizers.Adam(learning_rate=0.01),
        metrics=["binary_accuracy"],
    )
    return net
