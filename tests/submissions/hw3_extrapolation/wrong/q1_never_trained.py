'''Builds and compiles the dense network but never calls fit.'''
# loses: q1
# %% q1
def make_dense_model():
    net = keras.Sequential([
        keras.Input((1,)),
        keras.layers.Dense(64, activation="relu"),
        keras.layers.Dense(64, activation="relu"),
        keras.layers.Dense(1),
    ])
    net.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss="mse")
    return net


keras.utils.set_random_seed(rng_seed)
dense_model = make_dense_model()
