"""prepare_data ignores its vocabulary and nb_words arguments and uses the globals of Q1: the arrays
always have 10 time steps and 18 features, whatever is passed."""
# loses: q3
# %% q3
def prepare_data(data, vocab, n):
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
X_test, T_test = prepare_data(test_data, vocabulary, nb_words)

print("X_train", np.shape(X_train), " T_train", np.shape(T_train))
print("X_test ", np.shape(X_test), " T_test ", np.shape(T_test))
