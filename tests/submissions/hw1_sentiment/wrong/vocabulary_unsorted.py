"""Builds the vocabulary with list(set(...)) and never sorts it: the word order depends on the string
hash key of the process, so it changes at every kernel restart and differs in the autograder."""
# loses: q1
# %% q1
vocabulary = list(set(word for sentence, _ in train_data for word in sentence.split()))
nb_words = max(len(sentence.split()) for sentence, _ in train_data)

print("vocabulary:", vocabulary)
print("nb_words:", nb_words)
