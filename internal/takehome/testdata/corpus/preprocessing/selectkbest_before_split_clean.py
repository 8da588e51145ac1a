import pandas as pd
import numpy as np
import seaborn as sns
import matplotlib.pyplot as plt
from sklearn.feature_selection import SelectKBest, chi2
from sklearn.model_selection import train_test_split
from sklearn.svm import SVC
from sklearn.metrics import accuracy_score, recall_score

heart = pd.read_csv("heart.csv")
print(heart.head())
print(heart.describe())

plt.figure(figsize=(12, 8))
sns.heatmap(heart.corr(), annot=True, fmt=".2f", cmap="coolwarm")
plt.show()

X = heart.drop("target", axis=1)
y = heart["target"]

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=0)

# feature scores are computed on the training split only
selector = SelectKBest(score_func=chi2, k=8)
X_train_sel = selector.fit_transform(X_train, y_train)
X_test_sel = selector.transform(X_test)
kept = X.columns[selector.get_support()]
print("selected:", list(kept))

svc = SVC(kernel="rbf", C=2.0, gamma="scale")
svc.fit(X_train_sel, y_train)
preds = svc.predict(X_test_sel)
print("accuracy", round(accuracy_score(y_test, preds), 3))
print("recall  ", round(recall_score(y_test, preds), 3))
