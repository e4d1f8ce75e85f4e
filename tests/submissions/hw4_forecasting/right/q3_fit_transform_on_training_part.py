'''Uses fit_transform on the training changes, then transform on everything, with [:, None] columns.'''
# %% q3
airline_scaler = MinMaxScaler(feature_range=(0, 1))
airline_scaler.fit_transform(airline_changes[:airline_train_size - 1, None])
airline_scaled = airline_scaler.transform(airline_changes[:, None])[:, 0]
milk_scaler = MinMaxScaler(feature_range=(0, 1))
milk_scaler.fit_transform(milk_changes[:milk_train_size - 1, None])
milk_scaled = milk_scaler.transform(milk_changes[:, None])[:, 0]
q3_answer = 'b'
