"""Computes mean squared errors instead of mean absolute errors for one_step_mae and recursive_mae."""
# loses: q6
# %% q6
one_step_predictions = np.asarray(model(X_test[:100, :, None], training=False))[:, 0]
one_step_mae = np.mean((one_step_predictions - T_test[:100]) ** 2)
recursive_mae = np.mean((predictions - T_test[:100]) ** 2)
print("one step ahead:", one_step_mae, " recursive:", recursive_mae)
# %% q6
q6_answer = "c"
