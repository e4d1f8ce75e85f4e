'''Slices each gate's weights out of the kernels explicitly and writes the sigmoid with tanh; lstm_forward fills a preallocated array.'''
# %% q1
def sigmoid(z):
    return 0.5 * (1.0 + np.tanh(0.5 * z))


def lstm_step(x_t, h_prev, c_prev, kernel, recurrent_kernel, bias):
    n = recurrent_kernel.shape[0]

    def part(k):
        cols = slice(k * n, (k + 1) * n)
        return np.dot(x_t, kernel[:, cols]) + np.dot(h_prev, recurrent_kernel[:, cols]) + bias[cols]

    input_gate = sigmoid(part(0))
    forget_gate = sigmoid(part(1))
    candidate = np.tanh(part(2))
    output_gate = sigmoid(part(3))
    c_new = forget_gate * c_prev + input_gate * candidate
    return output_gate * np.tanh(c_new), c_new


def lstm_forward(x, kernel, recurrent_kernel, bias):
    x = np.asarray(x, dtype=float)
    n = recurrent_kernel.shape[0]
    result = np.empty((x.shape[0], x.shape[1], n))
    h = c = np.zeros((x.shape[0], n))
    for t in range(x.shape[1]):
        h, c = lstm_step(x[:, t, :], h, c, kernel, recurrent_kernel, bias)
        result[:, t, :] = h
    return result
