"""Calls fit with epochs=0: fit returns at once, the model keeps its random weights and the history
is empty."""
# loses: q5
# %% q5
keras.utils.set_random_seed(rng_seed)  # keep this line right before the model is created
model = small_model(nb_words, len(vocabulary))
model.summary()

history = model.fit(X_train, T_train, validation_data=(X_test, T_test), epochs=0, batch_size=10, verbose=0)
