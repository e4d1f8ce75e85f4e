'''Errors from sklearn's mean_squared_error on model.predict outputs (it accepts (N, 1) against (N,)); the answer
written " C " (case and spaces do not matter).'''
# %% q2
from sklearn.metrics import mean_squared_error

inside_mse = mean_squared_error(np.sin(x_inside), dense_model.predict(x_inside, verbose=0))
beyond_mse = mean_squared_error(np.sin(x_beyond), dense_model.predict(x_beyond, verbose=0))
print("dense_model: inside", inside_mse, " beyond", beyond_mse)

keras.utils.set_random_seed(rng_seed)
grid_model = make_dense_model()
grid_model.fit(x_grid_train, y_grid_train, epochs=5, batch_size=8, verbose=0)
grid_train_mse = float(mean_squared_error(y_grid_train, grid_model.predict(x_grid_train, verbose=0).ravel()))
grid_test_mse = float(mean_squared_error(y_grid_test, grid_model.predict(x_grid_test, verbose=0).ravel()))
print("grid_model: training points", grid_train_mse, " test grid", grid_test_mse)

q2_answer = " C "
