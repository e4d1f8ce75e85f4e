"""Trains the model correctly but without validation_data: history has no val_loss, so the learning
curves on the test set cannot be plotted."""
# loses: q5
# %% q5
keras.utils.set_random_seed(rng_seed)  # keep this line right before the model is created
model = small_model(nb_words, len(vocabulary))
model.summary()

history = model.fit(X_train, T_train, epochs=30, batch_size=10, verbose=0)
