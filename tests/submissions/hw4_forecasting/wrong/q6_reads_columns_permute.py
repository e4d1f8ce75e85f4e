'''A Permute((2, 1)) layer before the LSTM: the model reads each image column by column, not row by row.'''
# loses: q6
# %% q6
digits_Y_train = keras.utils.to_categorical(digits_labels_train, 10)
digits_Y_test = keras.utils.to_categorical(digits_labels_test, 10)


def make_digits_model():
    inputs = keras.Input((8, 8))
    columns = keras.layers.Permute((2, 1))(inputs)
    features = keras.layers.LSTM(30)(columns)
    outputs = keras.layers.Dense(10, activation="softmax")(features)
    net = keras.Model(inputs, outputs)
    net.compile(loss="categorical_crossentropy", optimizer=keras.optimizers.Adam(learning_rate=0.01), metrics=["accuracy"])
    return net


keras.utils.set_random_seed(rng_seed)
digits_model = make_digits_model()
digits_history = digits_model.fit(digits_X_train, digits_Y_train, validation_data=(digits_X_test, digits_Y_test), epochs=15, batch_size=64, verbose=2)
