'''Keeps both layers returning sequences and flattens the (N, 1, 32) output before Dense(1); no unroll.'''
# %% q3
slides_output_shape = slides_model.predict(X_points_train, verbose=0).shape
target_shape = tuple(np.shape(y_grid_train))
print("output", slides_output_shape, " target", target_shape)


def make_point_rnn(layer_class):
    net = keras.Sequential()
    net.add(keras.Input(shape=(1, 1)))
    net.add(layer_class(32, activation="relu", return_sequences=True))
    net.add(layer_class(32, activation="relu", return_sequences=True))
    net.add(keras.layers.Flatten())
    net.add(keras.layers.Dense(1))
    net.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss=keras.losses.MeanSquaredError())
    return net


keras.utils.set_random_seed(rng_seed)
point_model = make_point_rnn(keras.layers.LSTM)
point_model.fit(X_points_train, y_grid_train, epochs=5, batch_size=8, verbose=0)
point_test_mse = float(keras.losses.MeanSquaredError()(y_grid_test, point_model.predict(X_points_test, verbose=0)[:, 0]))
print(point_test_mse)
