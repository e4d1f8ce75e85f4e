"""Appends the true next value T_test[step] to the buffer instead of the model's own prediction
(teacher forcing): the forecast is not recursive."""
# loses: q5
# %% q5
def predict_recursively(model, initial_window, steps):
    buffer = Buffer(len(initial_window), initial_window)
    forecast = np.zeros(steps)
    for step in range(steps):
        next_value = float(model.predict_on_batch(buffer.data[..., None])[0, 0])
        forecast[step] = next_value
        buffer.append(T_test[step])
    return forecast


predictions = predict_recursively(model, X_test[0].copy(), 100)
