"""Counts the spaces of the longest training sentence instead of its words: nb_words is 9, not 10
(off by one)."""
# loses: q1
# also loses: q3 (X_train is encoded with nb_words, and the 10-word training sentences do not fit in 9 time steps)
# %% q1
vocabulary = sorted({word for sentence, _ in train_data for word in sentence.split()})
nb_words = max(sentence.count(" ") for sentence, _ in train_data)

print("vocabulary:", vocabulary)
print("nb_words:", nb_words)
