"""Splits with negative indices: the last 950 windows are the test set."""
# %% q2
nb_train = 9000

X_train, T_train = X[:-950], t[:-950]
X_test, T_test = X[-950:], t[-950:]

print(X_train.shape, T_train.shape, X_test.shape, T_test.shape)
