'''Skips to_categorical: keeps the integer labels and compiles with sparse_categorical_crossentropy instead (digits_Y_train and digits_Y_test are not the one-hot labels the question asks for, and the model's loss is not the one asked for).'''
# loses: q6
# %% q6
digits_Y_train = np.asarray(digits_labels_train)
digits_Y_test = np.asarray(digits_labels_test)


def make_digits_model():
    inputs = keras.Input((8, 8))
    features = keras.layers.LSTM(30)(inputs)
    outputs = keras.layers.Dense(10, activation="softmax")(features)
    net = keras.Model(inputs, outputs)
    net.compile(loss="sparse_categorical_crossentropy", optimizer=keras.optimizers.Adam(learning_rate=0.01), metrics=["accuracy"])
    return net


keras.utils.set_random_seed(rng_seed)
digits_model = make_digits_model()
digits_history = digits_model.fit(digits_X_train, digits_Y_train, validation_data=(digits_X_test, digits_Y_test), epochs=15, batch_size=64, verbose=2)
