'''to_levels adds the predicted change of the logarithm to the level (series[first + k - 1] + change) instead of multiplying by its exponential.'''
# loses: q4
# also loses: q5 (milk's forecasts are turned into levels with to_levels)
# %% q4
def make_forecaster(look_back):
    inputs = keras.Input((look_back, 1))
    features = keras.layers.LSTM(16)(inputs)
    outputs = keras.layers.Dense(1)(features)
    net = keras.Model(inputs, outputs)
    net.compile(loss="mse", optimizer=keras.optimizers.Adam(learning_rate=0.01))
    return net


def to_levels(series, scaler, scaled_changes, first):
    changes = scaler.inverse_transform(np.reshape(scaled_changes, (-1, 1))).ravel()
    return np.asarray(series, dtype=float)[first - 1:first - 1 + len(changes)] + changes


def rmse(truth, forecast):
    return float(np.sqrt(np.mean((np.ravel(truth) - np.ravel(forecast)) ** 2)))
