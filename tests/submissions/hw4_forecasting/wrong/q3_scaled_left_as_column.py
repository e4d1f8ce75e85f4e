'''Fits the scalers correctly but keeps the scaled changes as columns of shape (143, 1) and (167, 1), as transform returns them, instead of the 1-D arrays asked for.'''
# loses: q3
# %% q3
airline_scaler = MinMaxScaler().fit(airline_changes[:airline_train_size - 1].reshape(-1, 1))
airline_scaled = airline_scaler.transform(airline_changes.reshape(-1, 1))
milk_scaler = MinMaxScaler().fit(milk_changes[:milk_train_size - 1].reshape(-1, 1))
milk_scaled = milk_scaler.transform(milk_changes.reshape(-1, 1))

q3_answer = "b"
