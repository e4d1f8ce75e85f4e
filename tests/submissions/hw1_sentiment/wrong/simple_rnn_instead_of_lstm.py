"""Uses a keras.layers.SimpleRNN layer instead of the LSTM layer asked for."""
# loses: q4
# also loses: q5 (Q5 trains the model that small_model builds, with the recipe: this SimpleRNN's skill was 0.18-0.82 over five seeds, below the threshold)
# %% q4
def small_model(nb_words, nb_features):
    net = keras.Sequential([
        keras.Input((nb_words, nb_features)),
        keras.layers.SimpleRNN(10),
        keras.layers.Dense(1, activation="sigmoid"),
    ])
    net.compile(
        loss="binary_crossentropy",
        optimizer=keras.optimizers.Adam(learning_rate=0.01),
        metrics=["binary_accuracy"],
    )
    return net
