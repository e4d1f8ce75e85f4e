'''to_levels applies the scaled prediction (between 0 and 1) as the relative change, without undoing the scaling.'''
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
    changes = np.ravel(scaled_changes)
    return np.asarray(series, dtype=float)[first - 1:first - 1 + len(changes)] * np.exp(changes)


def rmse(truth, forecast):
    return float(np.sqrt(np.mean((np.ravel(truth) - np.ravel(forecast)) ** 2)))
