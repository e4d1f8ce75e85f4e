"""Calls fit with keyword arguments only, in another order (x=, y=, batch_size=, epochs=,
validation_data=), spells out the default shuffle=True and prints one line per epoch (verbose=2):
the same training as the reference. (Replaces fit_20_epochs_batch_5: Q5 now prescribes 30 epochs of
batches of 10.)"""
# %% q5
keras.utils.set_random_seed(rng_seed)  # keep this line right before the model is created
model = small_model(nb_words, len(vocabulary))
model.summary()

history = model.fit(x=X_train, y=T_train, batch_size=10, epochs=30, validation_data=(X_test, T_test),
                    shuffle=True, verbose=2)
