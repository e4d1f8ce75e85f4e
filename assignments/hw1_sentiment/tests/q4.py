from otter.test_files import test_case

OK_FORMAT = False

name = "q4"
points = 2

@test_case(points=0, hidden=False)
def test_q4_returns_model(small_model, nb_words, vocabulary):
    import numbers
    import keras
    assert isinstance(nb_words, numbers.Integral) and isinstance(vocabulary, list), 'this check needs nb_words and the vocabulary of Q1'
    m = small_model(nb_words, len(vocabulary))
    assert isinstance(m, keras.Model), f'small_model(nb_words, len(vocabulary)) should return a Keras model, got {type(m).__name__}'
    assert m.optimizer is not None, 'the model returned by small_model should be compiled'

