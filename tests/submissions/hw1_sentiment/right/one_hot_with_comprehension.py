"""Builds the one-hot vector with a comprehension comparing the word with every vocabulary word,
converted to a float array."""
# %% q2
def one_hot_encoding(word, vocabulary):
    return np.array([1.0 if w == word else 0.0 for w in vocabulary])


print(one_hot_encoding("good", vocabulary))
