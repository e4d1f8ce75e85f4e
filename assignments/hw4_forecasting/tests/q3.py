from otter.test_files import test_case

OK_FORMAT = False

name = "q3"
points = 2

@test_case(points=0, hidden=False)
def test_q3_types(airline_scaler, airline_scaled, milk_scaler, milk_scaled, q3_answer):
    import numpy as np
    from sklearn.preprocessing import MinMaxScaler
    assert isinstance(airline_scaler, MinMaxScaler) and isinstance(milk_scaler, MinMaxScaler), 'airline_scaler and milk_scaler should be MinMaxScaler objects'
    assert isinstance(airline_scaled, np.ndarray) and airline_scaled.shape == (143,), 'airline_scaled should be a 1-D array of the 143 airline changes, shape (143,)'
    assert isinstance(milk_scaled, np.ndarray) and milk_scaled.shape == (167,), 'milk_scaled should be a 1-D array of the 167 milk changes, shape (167,)'
    assert type(q3_answer) is str and q3_answer.strip().lower() in ('a', 'b', 'c', 'd'), 'q3_answer should be one of the strings "a", "b", "c", "d"'

