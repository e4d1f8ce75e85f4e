from otter.test_files import test_case

OK_FORMAT = False

name = "q6"
points = 2

@test_case(points=0, hidden=False)
def test_q6_types(one_step_mae, recursive_mae, q6_answer):
    import numbers
    import numpy as np
    for name, value in [('one_step_mae', one_step_mae), ('recursive_mae', recursive_mae)]:
        assert isinstance(value, (numbers.Real, np.floating)) or (isinstance(value, np.ndarray) and value.size == 1), f'{name} should be a number'
    assert type(q6_answer) is str and q6_answer.strip().lower() in ('a', 'b', 'c', 'd'), 'q6_answer should be one of "a", "b", "c", "d"'

