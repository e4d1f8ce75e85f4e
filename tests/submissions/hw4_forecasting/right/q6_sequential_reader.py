'''A Sequential digit reader; to_categorical infers the 10 classes; 20 epochs (the most the question allows) with batches of 64.'''
# %% q6
digits_Y_train = keras.utils.to_categorical(digits_labels_train)
digits_Y_test = keras.utils.to_categorical(digits_labels_test)


def make_digits_model():
    net = keras.Sequential([
        keras.Input(shape=(8, 8)),
        keras.layers.LSTM(30),
        keras.layers.Dense(10, activation="softmax"),
    ])
    net.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss="categorical_crossentropy", metrics=["accuracy"])
    return net


keras.utils.set_random_seed(rng_seed)
digits_model = make_digits_model()
digits_history = digits_model.fit(digits_X_train, digits_Y_train, epochs=20, batch_size=64, validation_data=(digits_X_test, digits_Y_test), verbose=0)
