'''Scales correctly but believes the inverse transform makes the leak harmless (answer d).'''
# loses: q3
# %% q3
airline_scaler = MinMaxScaler().fit(airline_changes[:airline_train_size - 1].reshape(-1, 1))
airline_scaled = airline_scaler.transform(airline_changes.reshape(-1, 1)).ravel()
milk_scaler = MinMaxScaler().fit(milk_changes[:milk_train_size - 1].reshape(-1, 1))
milk_scaled = milk_scaler.transform(milk_changes.reshape(-1, 1)).ravel()

q3_answer = "d"
