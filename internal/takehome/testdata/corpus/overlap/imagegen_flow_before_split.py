"""Chest X-ray pneumonia classifier (small CNN)."""
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from sklearn.model_selection import train_test_split
from tensorflow.keras.preprocessing.image import ImageDataGenerator
from tensorflow.keras import layers, models

labels = pd.read_csv("xray_labels.csv")           # filename, label
images = np.load("xray_128.npy").astype("float32") / 255.0
y = labels["label"].values
print(images.shape, np.bincount(y))

plt.imshow(images[0, :, :, 0], cmap="gray")
plt.title(str(y[0]))
plt.show()

# augment the dataset to 3x its size
datagen = ImageDataGenerator(rotation_range=10, zoom_range=0.1, horizontal_flip=True)
aug_x, aug_y = [images], [y]
gen = datagen.flow(images, y, batch_size=len(images), shuffle=False)  # expect: leakage/overlap
for _ in range(2):
    bx, by = next(gen)
    aug_x.append(bx)
    aug_y.append(by)
X_all = np.concatenate(aug_x)
y_all = np.concatenate(aug_y)

X_train, X_test, y_train, y_test = train_test_split(X_all, y_all, test_size=0.2, random_state=0)

cnn = models.Sequential([
    layers.Conv2D(32, 3, activation="relu", input_shape=(128, 128, 1)),
    layers.MaxPooling2D(),
    layers.Conv2D(64, 3, activation="relu"),
    layers.MaxPooling2D(),
    layers.Flatten(),
    layers.Dense(64, activation="relu"),
    layers.Dense(1, activation="sigmoid"),
])
cnn.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
cnn.fit(X_train, y_train, epochs=10, batch_size=32)
loss, acc = cnn.evaluate(X_test, y_test)
print("test accuracy", acc)
