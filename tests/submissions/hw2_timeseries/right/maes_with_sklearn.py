"""Computes the MAEs with sklearn.metrics.mean_absolute_error, the one-step predictions with model.predict; q6_answer
is " C " (a capital, with spaces around it)."""
# %% q6
from sklearn.metrics import mean_absolute_error

one_step_predictions = model.predict(X_test[:100].reshape(100, window, 1), verbose=0).ravel()
one_step_mae = mean_absolute_error(T_test[:100], one_step_predictions)
recursive_mae = mean_absolute_error(T_test[:100], predictions)
print("one step ahead:", one_step_mae, " recursive:", recursive_mae)
# %% q6
q6_answer = " C "
