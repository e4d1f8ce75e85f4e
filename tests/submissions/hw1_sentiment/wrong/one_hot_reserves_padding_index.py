"""Reserves position 0 for the padding, as an Embedding layer would: the vector has
len(vocabulary) + 1 entries and the 1 sits at vocabulary.index(word) + 1."""
# loses: q2
# %% q2
def one_hot_encoding(word, vocabulary):
    vector = np.zeros(len(vocabulary) + 1)
    vector[vocabulary.index(word) + 1] = 1.0
    return vector


print(one_hot_encoding("good", vocabulary))
