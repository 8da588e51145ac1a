import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from sklearn.model_selection import train_test_split, GridSearchCV
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import accuracy_score, ConfusionMatrixDisplay

# Forest cover type (sample)
cover = pd.read_csv("covtype_sample.csv")
print(cover.shape)
print(cover["Cover_Type"].value_counts().sort_index())

X = cover.drop(columns="Cover_Type")
y = cover["Cover_Type"]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=99)

param_grid = {
    "n_estimators": [200, 400],
    "max_features": ["sqrt", 0.3],
    "min_samples_leaf": [1, 2, 4],
}
search = GridSearchCV(RandomForestClassifier(random_state=99, n_jobs=-1), param_grid, cv=5, scoring="accuracy")
search.fit(X_train, y_train)
print("best params:", search.best_params_)
print("best CV accuracy: %.4f" % search.best_score_)

cv_res = pd.DataFrame(search.cv_results_).sort_values("rank_test_score")
print(cv_res[["params", "mean_test_score", "std_test_score"]].head())

best_rf = search.best_estimator_
y_pred = best_rf.predict(X_test)
print("held-out test accuracy: %.4f" % accuracy_score(y_test, y_pred))
ConfusionMatrixDisplay.from_predictions(y_test, y_pred)
plt.show()
