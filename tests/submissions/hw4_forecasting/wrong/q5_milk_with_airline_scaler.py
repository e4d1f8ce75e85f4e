'''Copies the airline cell and forgets to switch one scaler: milk forecasts are turned back into pounds with airline_scaler.'''
# loses: q5
# %% q5
keras.utils.set_random_seed(rng_seed)
milk_model = make_forecaster(look_back)
milk_history = milk_model.fit(np.tile(milk_X_train, (20, 1, 1)), np.tile(milk_y_train, 20), epochs=6, batch_size=32, verbose=2)

milk_train_forecast = to_levels(milk, milk_scaler, milk_model.predict(milk_X_train, verbose=0), look_back + 1)
milk_test_forecast = to_levels(milk, airline_scaler, milk_model.predict(milk_X_test, verbose=0), milk_train_size)
milk_train_rmse = rmse(milk[look_back + 1:milk_train_size], milk_train_forecast)
milk_test_rmse = rmse(milk[milk_train_size:], milk_test_forecast)
milk_persistence_rmse = rmse(milk[milk_train_size:], milk[milk_train_size - 1:-1])
print(f"milk RMSE: training {milk_train_rmse:.1f}, test {milk_test_rmse:.1f}, persistence on the test months {milk_persistence_rmse:.1f}")
