"""predict_recursively calls model.predict(x, verbose=0) at every step (slow, still correct)."""
# %% q5
def predict_recursively(model, initial_window, steps):
    buf = Buffer(len(initial_window), initial_window)
    res = np.empty(steps)
    for k in range(steps):
        res[k] = model.predict(buf.data.reshape(1, -1, 1), verbose=0)[0][0]
        buf.append(res[k])
    return res


predictions = predict_recursively(model, X_test[0].copy(), 100)
