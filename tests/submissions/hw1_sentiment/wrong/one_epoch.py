"""Trains for a single epoch (epochs=1): the loss has barely moved from ln 2 and the model is no better
than a coin."""
# loses: q5
# %% q5
keras.utils.set_random_seed(rng_seed)  # keep this line right before the model is created
model = small_model(nb_words, len(vocabulary))
model.summary()

history = model.fit(X_train, T_train, validation_data=(X_test, T_test), epochs=1, batch_size=10, verbose=0)
