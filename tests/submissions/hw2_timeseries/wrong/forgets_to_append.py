"""Never appends the predictions to the buffer: every step predicts from the initial window, so the
forecast repeats the same value."""
# loses: q5
# %% q5
def predict_recursively(model, initial_window, steps):
    buffer = Buffer(len(initial_window), initial_window)
    forecast = np.zeros(steps)
    for step in range(steps):
        forecast[step] = float(model.predict_on_batch(buffer.data[..., None])[0, 0])
    return forecast


predictions = predict_recursively(model, X_test[0].copy(), 100)
