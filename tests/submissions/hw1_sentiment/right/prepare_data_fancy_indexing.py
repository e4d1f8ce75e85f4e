"""prepare_data sets the ones of each sentence with one NumPy fancy-indexing assignment (time steps
and word positions as index arrays) instead of calling one_hot_encoding per word; the labels are
integers (np.array of int)."""
# %% q3
def prepare_data(data, vocabulary, nb_words):
    X = np.zeros((len(data), nb_words, len(vocabulary)))
    for i, (sentence, _) in enumerate(data):
        words = sentence.split()
        X[i, np.arange(nb_words - len(words), nb_words), [vocabulary.index(w) for w in words]] = 1
    T = np.array([int(label) for _, label in data])
    return X, T


X_train, T_train = prepare_data(train_data, vocabulary, nb_words)
X_test, T_test = prepare_data(test_data, vocabulary, nb_words)

print("X_train", np.shape(X_train), " T_train", np.shape(T_train))
print("X_test ", np.shape(X_test), " T_test ", np.shape(T_test))
