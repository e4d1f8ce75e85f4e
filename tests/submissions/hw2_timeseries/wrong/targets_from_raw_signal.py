"""Takes the targets from the raw signal (T_test = signal[9000:9950]) instead of from t: each test target is
then the first value of its window, not the value after it."""
# loses: q2
# also loses: q3 (the model is trained on the targets of Q2, so it differs from the grader's training)
# %% q2
nb_train = 9000

X_train = X[:nb_train]
T_train = signal[:nb_train]
X_test = X[nb_train:]
T_test = signal[nb_train:len(X)]

print(X_train.shape, T_train.shape, X_test.shape, T_test.shape)
