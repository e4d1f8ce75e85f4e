'''A subclassed keras.Model: an LSTM(30) that reads the rows, then Dense(10) and a softmax applied in call.'''
# %% q6
digits_Y_train = keras.utils.to_categorical(digits_labels_train, 10)
digits_Y_test = keras.utils.to_categorical(digits_labels_test, 10)


class RowReader(keras.Model):
    def __init__(self):
        super().__init__()
        self.reader = keras.layers.LSTM(30)
        self.classes = keras.layers.Dense(10)

    def call(self, images):
        return keras.ops.softmax(self.classes(self.reader(images)), axis=-1)


def make_digits_model():
    net = RowReader()
    net.compile(loss="categorical_crossentropy", optimizer=keras.optimizers.Adam(learning_rate=0.01), metrics=["accuracy"])
    return net


keras.utils.set_random_seed(rng_seed)
digits_model = make_digits_model()
digits_history = digits_model.fit(digits_X_train, digits_Y_train, validation_data=(digits_X_test, digits_Y_test), epochs=15, batch_size=64, verbose=2)
