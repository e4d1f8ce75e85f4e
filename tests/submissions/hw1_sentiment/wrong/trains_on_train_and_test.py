"""Trains the model on the training and the test sentences together (np.concatenate in the fit
call), so the test sentences it is judged on are among those it learned."""
# loses: q5
# %% q5
keras.utils.set_random_seed(rng_seed)  # keep this line right before the model is created
model = small_model(nb_words, len(vocabulary))
model.summary()

history = model.fit(np.concatenate([X_train, X_test]), np.concatenate([T_train, T_test]),
                    validation_data=(X_test, T_test), epochs=30, batch_size=10, verbose=0)
