"""Builds the vocabulary from the test sentences instead of the training sentences: "or" only occurs
in the training set, so the vocabulary misses a word (17 words instead of 18)."""
# loses: q1
# also loses: q3 (X_train is encoded with the vocabulary, which lacks "or" of the training sentences: prepare_data raises, and X_test, in the same cell, is never built)
# also loses: q5, q6 (without X_train, model and stacked are never trained)
# %% q1
vocabulary = sorted({word for sentence, _ in test_data for word in sentence.split()})
nb_words = max(len(sentence.split()) for sentence, _ in train_data)

print("vocabulary:", vocabulary)
print("nb_words:", nb_words)
