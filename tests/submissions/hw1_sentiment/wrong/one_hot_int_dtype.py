"""Creates the one-hot vector with np.zeros(..., dtype=int): the vector holds integers, not the floats
asked for."""
# loses: q2
# %% q2
def one_hot_encoding(word, vocabulary):
    vector = np.zeros(len(vocabulary), dtype=int)
    vector[vocabulary.index(word)] = 1
    return vector


print(one_hot_encoding("good", vocabulary))
