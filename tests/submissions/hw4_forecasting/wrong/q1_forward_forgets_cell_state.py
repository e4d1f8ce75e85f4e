'''lstm_step is right, but lstm_forward passes a zero cell state to every step instead of carrying c along.'''
# loses: q1
# %% q1
def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def lstm_step(x_t, h_prev, c_prev, kernel, recurrent_kernel, bias):
    z = x_t @ kernel + h_prev @ recurrent_kernel + bias
    i, f, g, o = np.split(z, 4, axis=-1)
    c_t = sigmoid(f) * c_prev + sigmoid(i) * np.tanh(g)
    h_t = sigmoid(o) * np.tanh(c_t)
    return h_t, c_t


def lstm_forward(x, kernel, recurrent_kernel, bias):
    units = recurrent_kernel.shape[0]
    h = np.zeros((x.shape[0], units))
    out = []
    for step in range(x.shape[1]):
        h, _ = lstm_step(x[:, step], h, np.zeros((x.shape[0], units)), kernel, recurrent_kernel, bias)
        out.append(h)
    return np.stack(out, axis=1)
