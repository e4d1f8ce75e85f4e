"""Swaps the two sets: trains on the test sentences and passes the training sentences as
validation_data."""
# loses: q5
# %% q5
keras.utils.set_random_seed(rng_seed)  # keep this line right before the model is created
model = small_model(nb_words, len(vocabulary))
model.summary()

history = model.fit(X_test, T_test, validation_data=(X_train, T_train), epochs=30, batch_size=10, verbose=0)
