"""Returns the comparison of the word with every vocabulary word: a vector of booleans
(True at the word), not of floats."""
# loses: q2
# %% q2
def one_hot_encoding(word, vocabulary):
    return np.array([w == word for w in vocabulary])


print(one_hot_encoding("good", vocabulary))
