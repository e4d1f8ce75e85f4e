"""Trains with 20 epochs of batches of 5 sentences (more, smaller steps per epoch) instead of
30 epochs of batches of 10, printing one line per epoch (verbose=2)."""
# %% q5
keras.utils.set_random_seed(rng_seed)
model = small_model()
model.summary()

history = model.fit(X_train, T_train, validation_data=(X_test, T_test), epochs=20, batch_size=5, verbose=2)
