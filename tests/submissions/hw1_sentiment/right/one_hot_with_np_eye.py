"""Takes the one-hot vector as a row of the identity matrix np.eye(len(vocabulary))."""
# %% q2
def one_hot_encoding(word, vocabulary):
    return np.eye(len(vocabulary))[vocabulary.index(word)]


print(one_hot_encoding("good", vocabulary))
