'''make_forecaster's model forecasts a zero change (persistence: next month = this month) whatever the window: its output layer has zero, frozen weights and the scaled value of a zero change as its bias.'''
# loses: q4
# also loses: q5 (milk_model is built with make_forecaster)
# %% q4
def make_forecaster(look_back):
    zero_change = float(airline_scaler.transform([[0.0]])[0, 0])
    inputs = keras.Input((look_back, 1))
    features = keras.layers.LSTM(16)(inputs)
    outputs = keras.layers.Dense(1, kernel_initializer="zeros", bias_initializer=keras.initializers.Constant(zero_change), trainable=False)(features)
    net = keras.Model(inputs, outputs)
    net.compile(loss="mse", optimizer=keras.optimizers.Adam(learning_rate=0.01))
    return net


def to_levels(series, scaler, scaled_changes, first):
    changes = scaler.inverse_transform(np.reshape(scaled_changes, (-1, 1))).ravel()
    return np.asarray(series, dtype=float)[first - 1:first - 1 + len(changes)] * np.exp(changes)


def rmse(truth, forecast):
    return float(np.sqrt(np.mean((np.ravel(truth) - np.ravel(forecast)) ** 2)))
