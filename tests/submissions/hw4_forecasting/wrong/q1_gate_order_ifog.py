'''Splits the pre-activation in the order input, forget, output, candidate (as some textbooks do), not Keras' input, forget, candidate, output.'''
# loses: q1
# %% q1
def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def lstm_step(x_t, h_prev, c_prev, kernel, recurrent_kernel, bias):
    z = x_t @ kernel + h_prev @ recurrent_kernel + bias
    i, f, o, g = np.split(z, 4, axis=-1)
    c_t = sigmoid(f) * c_prev + sigmoid(i) * np.tanh(g)
    h_t = sigmoid(o) * np.tanh(c_t)
    return h_t, c_t


def lstm_forward(x, kernel, recurrent_kernel, bias):
    units = recurrent_kernel.shape[0]
    h = np.zeros((x.shape[0], units))
    c = np.zeros((x.shape[0], units))
    out = []
    for step in range(x.shape[1]):
        h, c = lstm_step(x[:, step], h, c, kernel, recurrent_kernel, bias)
        out.append(h)
    return np.stack(out, axis=1)
