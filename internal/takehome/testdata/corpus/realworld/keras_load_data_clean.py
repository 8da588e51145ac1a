from keras.datasets import mnist
from keras.models import Sequential
from keras.layers import Dense
(X_train, y_train), (X_test, y_test) = mnist.load_data()
X_train = X_train.reshape(60000, 784) / 255
X_test = X_test.reshape(10000, 784) / 255
model = Sequential([Dense(10, input_shape=(784,), activation="softmax")])
model.compile("adam", "sparse_categorical_crossentropy")
model.fit(X_train, y_train, epochs=1)
print(model.evaluate(X_test, y_test))
