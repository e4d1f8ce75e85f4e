"""Splits with sklearn's train_test_split, which shuffles by default: the test windows are scattered
over the whole signal instead of coming after the training windows."""
# loses: q2
# also loses: q3 (the model is trained on the training set of Q2, so it differs from the grader's training)
# %% q2
from sklearn.model_selection import train_test_split

nb_train = 9000

X_train, X_test, T_train, T_test = train_test_split(X, t, train_size=nb_train, random_state=rng_seed)

print(X_train.shape, T_train.shape, X_test.shape, T_test.shape)
