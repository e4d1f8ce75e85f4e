"""predict_recursively calls model(x, training=False) and grows a Python list (slower, still correct)."""
# %% q5
def predict_recursively(model, initial_window, steps):
    buffer = Buffer(initial_window.shape[0], initial_window)
    forecast = []
    while len(forecast) < steps:
        value = float(np.asarray(model(buffer.data[:, :, np.newaxis], training=False))[0, 0])
        forecast.append(value)
        buffer.append(value)
    return np.array(forecast, dtype=float)


predictions = predict_recursively(model, X_test[0].copy(), 100)
