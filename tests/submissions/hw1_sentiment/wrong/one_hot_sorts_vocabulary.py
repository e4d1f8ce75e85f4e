"""Looks the word up in sorted(vocabulary) instead of in the vocabulary it is given: right with the
course's (sorted) vocabulary, wrong as soon as the vocabulary is in another order."""
# loses: q2
# %% q2
def one_hot_encoding(word, vocabulary):
    vector = np.zeros(len(vocabulary))
    vector[sorted(vocabulary).index(word)] = 1.0
    return vector


print(one_hot_encoding("good", vocabulary))
