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

# hold out the test images before any augmentation
X_train, X_test, y_train, y_test = train_test_split(images, y, test_size=0.2, stratify=y, random_state=0)

datagen = ImageDataGenerator(rotation_range=10, zoom_range=0.1, horizontal_flip=True)
train_gen = datagen.flow(X_train, y_train, batch_size=32)

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
cnn.fit(train_gen, steps_per_epoch=len(X_train) // 32, epochs=10)
loss, acc = cnn.evaluate(X_test, y_test)
print("test accuracy", acc)
