"""A model that can only answer the majority class: small_model's output neuron starts with zero
weights and a negative bias and is frozen (trainable=False), so whatever the LSTM reads, the model
answers sigmoid(-1) < 0.5, "negative", the most frequent label of the training sentences, for
every sentence. It has the asked layers and trains as asked, but learns nothing."""
# loses: q5
# %% q4
def small_model(nb_words, nb_features):
    output = keras.layers.Dense(1, activation="sigmoid", kernel_initializer="zeros",
                                bias_initializer=keras.initializers.Constant(-1.0))
    output.trainable = False
    net = keras.Sequential([keras.Input((nb_words, nb_features)), keras.layers.LSTM(10), output])
    net.compile(
        loss="binary_crossentropy",
        optimizer=keras.optimizers.Adam(learning_rate=0.01),
        metrics=["binary_accuracy"],
    )
    return net
