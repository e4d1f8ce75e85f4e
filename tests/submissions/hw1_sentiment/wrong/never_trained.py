"""Creates the model but never calls fit: `model` keeps its random initial weights and `history` is
never defined."""
# loses: q5
# %% q5
keras.utils.set_random_seed(rng_seed)  # keep this line right before the model is created
model = small_model(nb_words, len(vocabulary))
model.summary()
