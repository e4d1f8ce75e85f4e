"""Sorts every word of every training sentence without removing duplicates: the vocabulary holds
"am" 20 times, "good" 20 times, ... instead of each word once."""
# loses: q1
# %% q1
vocabulary = sorted(word for sentence, _ in train_data for word in sentence.split())
nb_words = max(len(sentence.split()) for sentence, _ in train_data)

print("vocabulary:", vocabulary)
print("nb_words:", nb_words)
