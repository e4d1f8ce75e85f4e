"""Takes the length of the longest training sentence in characters (len(sentence)) instead of in
words: nb_words is 39, not 10."""
# loses: q1
# %% q1
vocabulary = sorted({word for sentence, _ in train_data for word in sentence.split()})
nb_words = max(len(sentence) for sentence, _ in train_data)

print("vocabulary:", vocabulary)
print("nb_words:", nb_words)
