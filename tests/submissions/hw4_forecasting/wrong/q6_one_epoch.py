'''Trains the digit reader for a single epoch with batches of 256 images: far from converged.'''
# loses: q6
# %% q6
digits_Y_train = keras.utils.to_categorical(digits_labels_train, 10)
digits_Y_test = keras.utils.to_categorical(digits_labels_test, 10)

keras.utils.set_random_seed(rng_seed)
digit_inputs = keras.Input((8, 8))
digit_features = keras.layers.LSTM(30)(digit_inputs)
digit_outputs = keras.layers.Dense(10, activation="softmax")(digit_features)
digits_model = keras.Model(digit_inputs, digit_outputs)
digits_model.compile(loss="categorical_crossentropy", optimizer=keras.optimizers.Adam(learning_rate=0.01), metrics=["accuracy"])
digits_history = digits_model.fit(digits_X_train, digits_Y_train, validation_data=(digits_X_test, digits_Y_test), epochs=1, batch_size=256, verbose=2)
