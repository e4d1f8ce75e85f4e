"""Uses a softmax over the single output neuron: a softmax over one value is always 1, so the model
answers "positive" for every sentence and cannot learn."""
# loses: q4
# also loses: q5 (Q5 trains the model that small_model builds: a softmax over one neuron answers 1, positive, for every sentence)
# %% q4
def small_model(nb_words, nb_features):
    net = keras.Sequential([
        keras.Input((nb_words, nb_features)),
        keras.layers.LSTM(10),
        keras.layers.Dense(1, activation="softmax"),
    ])
    net.compile(
        loss="binary_crossentropy",
        optimizer=keras.optimizers.Adam(learning_rate=0.01),
        metrics=["binary_accuracy"],
    )
    return net
