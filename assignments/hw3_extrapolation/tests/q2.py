from otter.test_files import test_case

OK_FORMAT = False

name = "q2"
points = 2

@test_case(points=0, hidden=False)
def test_q2_types(inside_mse, beyond_mse, grid_model, grid_train_mse, grid_test_mse, q2_answer):
    import numbers
    import keras
    for name, value in [('inside_mse', inside_mse), ('beyond_mse', beyond_mse), ('grid_train_mse', grid_train_mse), ('grid_test_mse', grid_test_mse)]:
        assert isinstance(value, numbers.Real), f'{name} should be a number, not {type(value).__name__}'
    assert isinstance(grid_model, keras.Model), 'grid_model should be a Keras model'
    assert type(q2_answer) is str and q2_answer.strip().lower() in ('a', 'b', 'c', 'd'), 'q2_answer should be one of "a", "b", "c", "d"'

