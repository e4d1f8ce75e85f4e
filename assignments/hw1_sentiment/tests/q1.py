from otter.test_files import test_case

OK_FORMAT = False

name = "q1"
points = 2

@test_case(points=0, hidden=False)
def test_q1_types(vocabulary, nb_words):
    import numbers
    assert isinstance(vocabulary, list), f'vocabulary should be a list, got {type(vocabulary).__name__}'
    assert all((isinstance(w, str) for w in vocabulary)), 'every element of vocabulary should be a string (one word)'
    assert isinstance(nb_words, numbers.Integral) and (not isinstance(nb_words, bool)), f'nb_words should be an integer, got {type(nb_words).__name__}'

