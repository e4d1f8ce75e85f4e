'''Compiles the fixed model with optimizer="adam", as the slides do: Adam at its default rate of 0.001, not 0.01.'''
# loses: q3
# %% q3
slides_output_shape = tuple(slides_model(X_points_train).shape)
target_shape = y_grid_train.shape
print("output", slides_output_shape, " target", target_shape)


def make_point_rnn(layer_class):
    net = keras.Sequential([
        keras.Input((1, 1)),
        layer_class(32, activation="relu", return_sequences=True, unroll=True),
        layer_class(32, activation="relu", unroll=True),
        keras.layers.Dense(1),
    ])
    net.compile(optimizer="adam", loss="mse")
    return net


keras.utils.set_random_seed(rng_seed)
point_model = make_point_rnn(keras.layers.LSTM)
point_model.fit(X_points_train, y_grid_train, epochs=5, batch_size=8, verbose=0)
point_test_mse = float(np.mean((np.asarray(point_model(X_points_test))[:, 0] - y_grid_test) ** 2))
print(point_test_mse)
