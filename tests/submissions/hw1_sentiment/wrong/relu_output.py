"""The output neuron uses relu instead of sigmoid: its output is not a probability (it can exceed 1
and is exactly 0 for every negative input)."""
# loses: q4
# also loses: q5 (Q5 trains the model that small_model builds, with the recipe: at the autograder's seed 42, this relu output stays at skill 0 against the majority class; at some other seeds it gets there)
# %% q4
def small_model(nb_words, nb_features):
    net = keras.Sequential([
        keras.Input((nb_words, nb_features)),
        keras.layers.LSTM(10),
        keras.layers.Dense(1, activation="relu"),
    ])
    net.compile(
        loss="binary_crossentropy",
        optimizer=keras.optimizers.Adam(learning_rate=0.01),
        metrics=["binary_accuracy"],
    )
    return net
