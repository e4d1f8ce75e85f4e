"""Builds the vocabulary and nb_words with explicit for loops: appends each word not seen yet, sorts
the list in place, and keeps the longest sentence length in a running maximum."""
# %% q1
vocabulary = []
nb_words = 0
for sentence, label in train_data:
    words = sentence.split(" ")
    for word in words:
        if word not in vocabulary:
            vocabulary.append(word)
    if len(words) > nb_words:
        nb_words = len(words)
vocabulary.sort()

print("vocabulary:", vocabulary)
print("nb_words:", nb_words)
