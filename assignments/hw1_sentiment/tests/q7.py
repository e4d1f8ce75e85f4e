from otter.test_files import test_case

OK_FORMAT = False

name = "q7"
points = 1

@test_case(points=0, hidden=False)
def test_q7_format(q7_answer):
    assert type(q7_answer) is str, f'q7_answer should be a string such as "a", got {type(q7_answer).__name__}'
    assert q7_answer.strip().lower() in ('a', 'b', 'c', 'd'), f'q7_answer should be one of "a", "b", "c", "d", got {q7_answer!r}'

