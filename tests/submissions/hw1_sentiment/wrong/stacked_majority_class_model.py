"""A stacked model that can only answer the majority class: its output neuron starts with zero
weights and a negative bias and is frozen (trainable=False), so it answers "negative", the most
frequent label of the training sentences, for every sentence, however it is trained."""
# loses: q6
# %% q6
def stacked_model(nb_words, nb_features):
    output = keras.layers.Dense(1, activation="sigmoid", kernel_initializer="zeros",
                                bias_initializer=keras.initializers.Constant(-1.0))
    output.trainable = False
    net = keras.Sequential([
        keras.Input((nb_words, nb_features)),
        keras.layers.LSTM(20, return_sequences=True),
        keras.layers.LSTM(10),
        output,
    ])
    net.compile(
        loss="binary_crossentropy",
        optimizer=keras.optimizers.Adam(learning_rate=0.01),
        metrics=["binary_accuracy"],
    )
    return net


keras.utils.set_random_seed(rng_seed)  # keep this line right before the model is created
stacked = stacked_model(nb_words, len(vocabulary))
stacked.summary()

stacked_history = stacked.fit(X_train, T_train, validation_data=(X_test, T_test), epochs=30, batch_size=10, verbose=0)
