"""Builds the vocabulary with np.unique on all the words joined together (a list of np.str_, sorted
by np.unique) and nb_words with np.max (a NumPy integer)."""
# %% q1
vocabulary = list(np.unique(" ".join(sentence for sentence, _ in train_data).split()))
nb_words = np.max([len(sentence.split()) for sentence, _ in train_data])

print("vocabulary:", vocabulary)
print("nb_words:", nb_words)
