"""Slides initial_window itself in place instead of using a Buffer: the caller's array (in the
notebook, the copy of X_test[0] it is handed) is overwritten by the forecast."""
# loses: q5
# %% q5
def predict_recursively(model, initial_window, steps):
    current = initial_window
    forecast = np.zeros(steps)
    for step in range(steps):
        next_value = float(model.predict_on_batch(current.reshape(1, -1, 1))[0, 0])
        forecast[step] = next_value
        current[:-1] = current[1:].copy()
        current[-1] = next_value
    return forecast


predictions = predict_recursively(model, X_test[0].copy(), 100)
