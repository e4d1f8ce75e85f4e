'''Fits each scaler on all the changes, test period included (the seeds' leak).'''
# loses: q3
# %% q3
airline_scaler = MinMaxScaler().fit(airline_changes.reshape(-1, 1))
airline_scaled = airline_scaler.transform(airline_changes.reshape(-1, 1)).ravel()
milk_scaler = MinMaxScaler().fit(milk_changes.reshape(-1, 1))
milk_scaled = milk_scaler.transform(milk_changes.reshape(-1, 1)).ravel()

q3_answer = "b"
