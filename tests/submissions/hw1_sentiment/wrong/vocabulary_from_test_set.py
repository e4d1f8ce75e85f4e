"""Builds the vocabulary from the test sentences instead of the training sentences: "or" only occurs
in the training set, so the vocabulary misses a word (17 words instead of 18)."""
# loses: q1
# %% q1
vocabulary = sorted({word for sentence, _ in test_data for word in sentence.split()})
nb_words = max(len(sentence.split()) for sentence, _ in train_data)

print("vocabulary:", vocabulary)
print("nb_words:", nb_words)
