import pandas as pd
import numpy as np
from imblearn.pipeline import Pipeline as ImbPipeline
from imblearn.over_sampling import SMOTE
from sklearn.preprocessing import StandardScaler
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split, GridSearchCV, StratifiedKFold
from sklearn.metrics import classification_report, average_precision_score

# Job posting fraud (numeric meta-features only)
posts = pd.read_csv("fake_job_postings_numeric.csv")
print(posts.shape)
print(posts["fraudulent"].value_counts())

X = posts.drop(columns=["job_id", "fraudulent"])
y = posts["fraudulent"]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=8)

# SMOTE is a pipeline step, so it only ever sees the training folds
pipe = ImbPipeline([
    ("scale", StandardScaler()),
    ("smote", SMOTE(random_state=8)),
    ("lr", LogisticRegression(max_iter=2000)),
])
grid = GridSearchCV(pipe, {"lr__C": [0.01, 0.1, 1, 10], "smote__k_neighbors": [3, 5]},
                    cv=StratifiedKFold(5, shuffle=True, random_state=8), scoring="average_precision")
grid.fit(X_train, y_train)
print("best:", grid.best_params_, round(grid.best_score_, 4))

proba = grid.predict_proba(X_test)[:, 1]
print("test average precision:", average_precision_score(y_test, proba))
print(classification_report(y_test, (proba >= 0.5).astype(int)))
