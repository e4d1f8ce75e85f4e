'''The dense network as a subclass of keras.Model, its layers created in __init__ and applied in call, which
reshapes the batches of single numbers (shape (32,)) to (32, 1); the factory calls the model once on a dummy input,
which creates its weights, before compiling it.'''
# %% q1
class DenseNetwork(keras.Model):
    def __init__(self):
        super().__init__()
        self.hidden_1 = keras.layers.Dense(64, activation="relu")
        self.hidden_2 = keras.layers.Dense(64, activation="relu")
        self.output_layer = keras.layers.Dense(1)

    def call(self, inputs):
        inputs = keras.ops.reshape(inputs, (-1, 1))
        return self.output_layer(self.hidden_2(self.hidden_1(inputs)))


def make_dense_model():
    net = DenseNetwork()
    net(np.zeros((1, 1)))  # creates the weights
    net.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss=keras.losses.MeanSquaredError())
    return net


keras.utils.set_random_seed(rng_seed)
dense_model = make_dense_model()
dense_model.fit(x_dense_train, y_dense_train, epochs=2, batch_size=32, verbose=0)
