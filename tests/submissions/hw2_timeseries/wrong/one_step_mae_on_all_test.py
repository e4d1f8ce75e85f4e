"""Computes one_step_mae on all 950 test windows instead of the first 100 that the forecast covers."""
# loses: q6
# %% q6
one_step_predictions = np.asarray(model(X_test[:, :, None], training=False))[:, 0]
one_step_mae = np.mean(np.abs(one_step_predictions - T_test))
recursive_mae = np.mean(np.abs(predictions - T_test[:100]))
print("one step ahead:", one_step_mae, " recursive:", recursive_mae)
# %% q6
q6_answer = "c"
