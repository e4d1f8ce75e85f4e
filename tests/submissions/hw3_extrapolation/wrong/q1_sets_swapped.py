'''Swaps the sets: trains on the grader's 2000 test points and validates on the training set.'''
# loses: q1
# %% q1
def make_dense_model():
    net = keras.Sequential([
        keras.Input((1,)),
        keras.layers.Dense(64, activation="relu"),
        keras.layers.Dense(64, activation="relu"),
        keras.layers.Dense(1),
    ])
    net.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss="mse", steps_per_execution=25)
    return net


keras.utils.set_random_seed(rng_seed)
dense_model = make_dense_model()
x_test_points = np.random.default_rng(2024).uniform(-3 * np.pi, 3 * np.pi, 2000)
dense_model.fit(x_test_points, np.sin(x_test_points), validation_data=(x_dense_train, y_dense_train),
                epochs=2, batch_size=32, verbose=2)
