'''A Sequential forecaster with 20 units, the RMSE through scikit-learn, the levels rebuilt with a loop.'''
# %% q4
from sklearn.metrics import mean_squared_error


def make_forecaster(look_back):
    net = keras.Sequential([keras.Input(shape=(look_back, 1)), keras.layers.LSTM(20), keras.layers.Dense(1)])
    net.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss="mean_squared_error")
    return net


def to_levels(series, scaler, scaled_changes, first):
    changes = scaler.inverse_transform(np.asarray(scaled_changes, dtype=float).reshape(-1, 1))[:, 0]
    return np.array([series[first + k - 1] * np.exp(change) for k, change in enumerate(changes)])


def rmse(truth, forecast):
    return float(np.sqrt(mean_squared_error(np.ravel(truth), np.ravel(forecast))))
