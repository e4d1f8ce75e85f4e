"""The test windows start at 8950 instead of 9000 (X[8950:9900]): the first 50 test windows are also
training windows, so the test set is not in the future of the training set."""
# loses: q2
# %% q2
nb_train = 9000

X_train = X[:nb_train]
T_train = t[:nb_train]
X_test = X[8950:9900]
T_test = t[8950:9900]

print(X_train.shape, T_train.shape, X_test.shape, T_test.shape)
