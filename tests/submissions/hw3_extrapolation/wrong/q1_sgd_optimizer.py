'''Compiles with plain SGD at 0.01 instead of Adam at 0.01.'''
# loses: q1
# %% q1
def make_dense_model():
    net = keras.Sequential([
        keras.Input((1,)),
        keras.layers.Dense(64, activation="relu"),
        keras.layers.Dense(64, activation="relu"),
        keras.layers.Dense(1),
    ])
    net.compile(optimizer=keras.optimizers.SGD(learning_rate=0.01), loss="mse", steps_per_execution=25)
    return net


keras.utils.set_random_seed(rng_seed)
dense_model = make_dense_model()
dense_model.fit(x_dense_train, y_dense_train, epochs=2, batch_size=32, verbose=2)
