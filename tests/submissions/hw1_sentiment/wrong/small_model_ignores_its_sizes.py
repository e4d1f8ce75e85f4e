"""small_model ignores its two arguments and declares its input with the globals of Q1,
keras.Input((nb_words, len(vocabulary))): right for this notebook's sentences, wrong for any other
vocabulary (a model asked for 4 features still expects 18)."""
# loses: q4
# %% q4
def small_model(n_steps, n_features):
    net = keras.Sequential([
        keras.Input((nb_words, len(vocabulary))),
        keras.layers.LSTM(10),
        keras.layers.Dense(1, activation="sigmoid"),
    ])
    net.compile(
        loss="binary_crossentropy",
        optimizer=keras.optimizers.Adam(learning_rate=0.01),
        metrics=["binary_accuracy"],
    )
    return net
