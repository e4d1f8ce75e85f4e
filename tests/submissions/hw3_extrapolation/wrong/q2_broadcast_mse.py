'''Subtracts targets of shape (N,) from predictions of shape (N, 1): numpy broadcasts to (N, N).'''
# loses: q2
# %% q2
inside_mse = float(np.mean((dense_model.predict(x_inside, verbose=0) - np.sin(x_inside)) ** 2))
beyond_mse = float(np.mean((dense_model.predict(x_beyond, verbose=0) - np.sin(x_beyond)) ** 2))
print("dense_model: inside", inside_mse, " beyond", beyond_mse)

keras.utils.set_random_seed(rng_seed)
grid_model = make_dense_model()
grid_model.fit(x_grid_train, y_grid_train, epochs=5, batch_size=8, verbose=0)
grid_train_mse = float(np.mean((grid_model.predict(x_grid_train, verbose=0) - y_grid_train) ** 2))
grid_test_mse = float(np.mean((grid_model.predict(x_grid_test, verbose=0) - y_grid_test) ** 2))
print("grid_model: training points", grid_train_mse, " test grid", grid_test_mse)

q2_answer = "c"
