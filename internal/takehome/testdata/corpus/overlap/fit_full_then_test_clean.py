import pandas as pd
import numpy as np
from sklearn.model_selection import train_test_split
from sklearn.svm import SVC
from sklearn.metrics import accuracy_score, classification_report

# Mushroom edibility
mush = pd.read_csv("mushrooms.csv")
print(mush.head())
print(mush.shape)
print(mush["class"].value_counts())

y = (mush["class"] == "p").astype(int)
X = mush.drop("class", axis=1)
# every column is a single-letter code -> ordinal by character
for c in X.columns:
    X[c] = X[c].apply(lambda v: ord(v) - ord("a"))

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=4)
print(X_train.shape, X_test.shape)

svm = SVC(kernel="rbf", C=1.0)
svm.fit(X_train, y_train)

y_pred = svm.predict(X_test)
print("Accuracy:", accuracy_score(y_test, y_pred))
print(classification_report(y_test, y_pred))
