"""prepare_data is right and builds X_train, but X_test is built by a second hand-written loop that
forgets the padding offset: the test sentences are right-padded (words first) while the training
sentences are left-padded."""
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
X_test = np.zeros((len(test_data), nb_words, len(vocabulary)))
T_test = np.zeros(len(test_data))
for i, (sentence, positive) in enumerate(test_data):
    for j, word in enumerate(sentence.split()):
        X_test[i, j] = one_hot_encoding(word, vocabulary)
    T_test[i] = 1.0 if positive else 0.0

print("X_train", np.shape(X_train), " T_train", np.shape(T_train))
print("X_test ", np.shape(X_test), " T_test ", np.shape(T_test))
