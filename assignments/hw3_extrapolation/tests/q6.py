from otter.test_files import test_case

OK_FORMAT = False

name = "q6"
points = 1

@test_case(points=0, hidden=False)
def test_q6_format(q6_answer):
    assert type(q6_answer) is str and q6_answer.strip().lower() in ('a', 'b', 'c', 'd'), 'q6_answer should be one of "a", "b", "c", "d"'

