"""Forgets the activation of the output neuron: Dense(1) is linear, so the model outputs any real
number, not a probability, while the loss still expects probabilities."""
# loses: q4
# also loses: q5 (Q5 trains the model that small_model builds, with the recipe: at the autograder's seed 42, this linear output stays at skill 0 against the majority class; at some other seeds it gets there)
# %% q4
def small_model(nb_words, nb_features):
    net = keras.Sequential([
        keras.Input((nb_words, nb_features)),
        keras.layers.LSTM(10),
        keras.layers.Dense(1),
    ])
    net.compile(
        loss="binary_crossentropy",
        optimizer=keras.optimizers.Adam(learning_rate=0.01),
        metrics=["binary_accuracy"],
    )
    return net
