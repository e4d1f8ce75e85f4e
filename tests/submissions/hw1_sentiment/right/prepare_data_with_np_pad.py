"""prepare_data stacks the one-hot vectors of each sentence and pads them on the left with np.pad,
then stacks the sentences; the labels come from one comprehension, as float32."""
# %% q3
def prepare_data(data, vocabulary, nb_words):
    def encode(sentence):
        vectors = np.array([one_hot_encoding(w, vocabulary) for w in sentence.split()])
        return np.pad(vectors, ((nb_words - len(vectors), 0), (0, 0)))

    X = np.stack([encode(sentence) for sentence, _ in data]).astype("float32")
    T = np.array([float(label) for _, label in data], dtype="float32")
    return X, T


X_train, T_train = prepare_data(train_data, vocabulary, nb_words)
X_test, T_test = prepare_data(test_data, vocabulary, nb_words)

print("X_train", np.shape(X_train), " T_train", np.shape(T_train))
print("X_test ", np.shape(X_test), " T_test ", np.shape(T_test))
