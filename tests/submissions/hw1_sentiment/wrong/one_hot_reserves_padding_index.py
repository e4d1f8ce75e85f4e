"""Reserves position 0 for the padding, as an Embedding layer would: the vector has
len(vocabulary) + 1 entries and the 1 sits at vocabulary.index(word) + 1."""
# loses: q2
# also loses: q3 (X_train and X_test are built with one_hot_encoding, whose vectors are one entry longer than the vocabulary: prepare_data raises)
# also loses: q5, q6 (without X_train, model and stacked are never trained)
# %% q2
def one_hot_encoding(word, vocabulary):
    vector = np.zeros(len(vocabulary) + 1)
    vector[vocabulary.index(word) + 1] = 1.0
    return vector


print(one_hot_encoding("good", vocabulary))
