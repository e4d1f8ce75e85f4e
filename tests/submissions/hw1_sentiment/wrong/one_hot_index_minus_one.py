"""Thinks in 1-based positions and puts the 1 at vocabulary.index(word) - 1: every word gets the vector
of the previous word, and the first word wraps around to the last position (no error is raised)."""
# loses: q2
# %% q2
def one_hot_encoding(word, vocabulary):
    vector = np.zeros(len(vocabulary))
    vector[vocabulary.index(word) - 1] = 1.0
    return vector


print(one_hot_encoding("good", vocabulary))
