"""Computes the MAEs with keras.metrics.MeanAbsoluteError (float32), the one-step predictions with
model.predict_on_batch."""
# %% q6
def mae(truth, predicted):
    metric = keras.metrics.MeanAbsoluteError()
    metric.update_state(np.asarray(truth).reshape(-1, 1), np.asarray(predicted).reshape(-1, 1))
    return float(metric.result())


one_step_predictions = model.predict_on_batch(X_test[:100, :, None])
one_step_mae = mae(T_test[:100], one_step_predictions)
recursive_mae = mae(T_test[:100], predictions)
print("one step ahead:", one_step_mae, " recursive:", recursive_mae)
# %% q6
q6_answer = "c"
