"""Pads the test sentences to the length of the longest test sentence (8 words) instead of the
nb_words of the training set: X_test has 8 time steps, not 10."""
# loses: q3
# %% q3
def prepare_data(data, vocabulary, nb_words):
    X = np.zeros((len(data), nb_words, len(vocabulary)))
    T = np.zeros(len(data))
    for i, (sentence, positive) in enumerate(data):
        words = sentence.split()
        first_step = nb_words - len(words)  # the words fill the last len(words) steps
        for j, word in enumerate(words):
            X[i, first_step + j] = one_hot_encoding(word, vocabulary)
        T[i] = 1.0 if positive else 0.0
    return X, T


X_train, T_train = prepare_data(train_data, vocabulary, nb_words)
X_test, T_test = prepare_data(test_data, vocabulary, max(len(s.split()) for s, _ in test_data))

print("X_train", np.shape(X_train), " T_train", np.shape(T_train))
print("X_test ", np.shape(X_test), " T_test ", np.shape(T_test))
