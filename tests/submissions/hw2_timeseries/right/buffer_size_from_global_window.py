"""predict_recursively builds its Buffer with the notebook's global `window` (50) instead of the length of
initial_window: the question says the initial window holds `window` values, so this is right."""
# %% q5
def predict_recursively(model, initial_window, steps):
    buffer = Buffer(window, initial_window)
    forecast = np.zeros(steps)
    for step in range(steps):
        next_value = float(model.predict_on_batch(buffer.data[..., None])[0, 0])
        forecast[step] = next_value
        buffer.append(next_value)
    return forecast


predictions = predict_recursively(model, X_test[0].copy(), 100)
