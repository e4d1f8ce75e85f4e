'''The dense network written with the functional API, the loss by its long name, no steps_per_execution.'''
# %% q1
def make_dense_model():
    inputs = keras.Input(shape=(1,))
    hidden = keras.layers.Dense(64, activation="relu")(inputs)
    hidden = keras.layers.Dense(64, activation=keras.activations.relu)(hidden)
    outputs = keras.layers.Dense(1)(hidden)
    net = keras.Model(inputs, outputs)
    net.compile(loss="mean_squared_error", optimizer=keras.optimizers.Adam(learning_rate=0.01))
    return net


keras.utils.set_random_seed(rng_seed)
dense_model = make_dense_model()
history_dense = dense_model.fit(x_dense_train.reshape(-1, 1), y_dense_train, batch_size=32, epochs=2, verbose=0)
