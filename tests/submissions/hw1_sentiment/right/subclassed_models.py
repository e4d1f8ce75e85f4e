"""Writes both model factories as subclasses of keras.Model (layers created in __init__, applied in
call), the sigmoid applied by keras.ops.sigmoid in call, after a linear Dense(1); each factory
builds its model for the sizes it is given before compiling it."""
# %% q4
class SentimentLSTM(keras.Model):
    def __init__(self, units=10):
        super().__init__()
        self.reader = keras.layers.LSTM(units)
        self.neuron = keras.layers.Dense(1)

    def call(self, sentences):
        return keras.ops.sigmoid(self.neuron(self.reader(sentences)))


def small_model(nb_words, nb_features):
    net = SentimentLSTM()
    net.build((None, nb_words, nb_features))
    net.compile(loss="binary_crossentropy", optimizer=keras.optimizers.Adam(learning_rate=0.01),
                metrics=["binary_accuracy"])
    return net
# %% q6
class StackedLSTM(keras.Model):
    def __init__(self):
        super().__init__()
        self.first = keras.layers.LSTM(20, return_sequences=True)
        self.second = keras.layers.LSTM(10)
        self.neuron = keras.layers.Dense(1)

    def call(self, sentences):
        return keras.ops.sigmoid(self.neuron(self.second(self.first(sentences))))


def stacked_model(nb_words, nb_features):
    net = StackedLSTM()
    net.build((None, nb_words, nb_features))
    net.compile(loss="binary_crossentropy", optimizer=keras.optimizers.Adam(learning_rate=0.01),
                metrics=["binary_accuracy"])
    return net


keras.utils.set_random_seed(rng_seed)  # keep this line right before the model is created
stacked = stacked_model(nb_words, len(vocabulary))
stacked.summary()

stacked_history = stacked.fit(X_train, T_train, validation_data=(X_test, T_test), epochs=30, batch_size=10, verbose=0)
