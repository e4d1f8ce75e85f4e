"""Trains the model on the test sentences (and validates on them too): the test accuracy it
reaches says nothing about sentences it has not seen."""
# loses: q5
# %% q5
keras.utils.set_random_seed(rng_seed)  # keep this line right before the model is created
model = small_model(nb_words, len(vocabulary))
model.summary()

history = model.fit(X_test, T_test, validation_data=(X_test, T_test), epochs=30, batch_size=10, verbose=0)
