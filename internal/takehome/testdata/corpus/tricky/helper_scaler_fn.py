import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from sklearn.preprocessing import StandardScaler
from sklearn.model_selection import train_test_split
from sklearn.neural_network import MLPClassifier
from sklearn.metrics import accuracy_score, confusion_matrix


def scale_features(train_part, test_part):
    """Fit the scaler on the training part, apply it to both parts."""
    sc = StandardScaler()
    sc.fit(train_part)
    return sc.transform(train_part), sc.transform(test_part)


def report(y_true, y_hat):
    print("accuracy:", round(accuracy_score(y_true, y_hat), 4))
    print(confusion_matrix(y_true, y_hat))


# Banknote authentication
notes = pd.read_csv("data_banknote_authentication.txt", header=None,
                    names=["variance", "skewness", "curtosis", "entropy", "label"])
print(notes.head())
notes.plot.scatter(x="variance", y="skewness", c="label", cmap="coolwarm")
plt.show()

X = notes.drop(columns="label").values
y = notes["label"].values
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, random_state=21)

X_train_s, X_test_s = scale_features(X_train, X_test)

mlp = MLPClassifier(hidden_layer_sizes=(16, 8), max_iter=2000, random_state=21)
mlp.fit(X_train_s, y_train)
report(y_test, mlp.predict(X_test_s))
