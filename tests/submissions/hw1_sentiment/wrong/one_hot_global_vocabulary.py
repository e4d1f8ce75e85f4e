"""Uses the global vocabulary of Q1 inside one_hot_encoding instead of its vocabulary argument: the
vector always has 18 entries, whatever vocabulary is passed."""
# loses: q2
# %% q2
def one_hot_encoding(word, vocab):
    vector = np.zeros(len(vocabulary))
    vector[vocabulary.index(word)] = 1.0
    return vector


print(one_hot_encoding("good", vocabulary))
