from otter.test_files import test_case

OK_FORMAT = False

name = "q2"
points = 1

@test_case(points=0, hidden=False)
def test_q2_shape(one_hot_encoding, vocabulary):
    import numpy as np
    assert isinstance(vocabulary, list) and len(vocabulary) > 0, 'this check needs the vocabulary of Q1: a list of words'
    v = np.asarray(one_hot_encoding(vocabulary[0], vocabulary))
    assert v.shape == (len(vocabulary),), f'expected a vector of shape ({len(vocabulary)},), got shape {v.shape}'

