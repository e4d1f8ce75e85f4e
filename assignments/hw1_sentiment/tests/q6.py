from otter.test_files import test_case

OK_FORMAT = False

name = "q6"
points = 3

@test_case(points=0, hidden=False)
def test_q6_types(stacked_model, stacked, stacked_history, nb_words, vocabulary):
    import numbers
    import keras
    assert isinstance(nb_words, numbers.Integral) and isinstance(vocabulary, list), 'this check needs nb_words and the vocabulary of Q1'
    m = stacked_model(nb_words, len(vocabulary))
    assert isinstance(m, keras.Model), f'stacked_model(nb_words, len(vocabulary)) should return a Keras model, got {type(m).__name__}'
    assert m.optimizer is not None, 'the model returned by stacked_model should be compiled'
    assert isinstance(stacked, keras.Model), f'stacked should be a Keras model, got {type(stacked).__name__}'
    assert isinstance(stacked_history, keras.callbacks.History), f'stacked_history should be the History object returned by fit, got {type(stacked_history).__name__}'

