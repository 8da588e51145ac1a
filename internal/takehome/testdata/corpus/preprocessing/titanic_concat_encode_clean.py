# Titanic - Machine Learning from Disaster
import pandas as pd
import numpy as np
from sklearn.preprocessing import OneHotEncoder
from sklearn.compose import ColumnTransformer
from sklearn.pipeline import Pipeline
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split
from sklearn.metrics import accuracy_score

train = pd.read_csv("../input/titanic/train.csv")
test = pd.read_csv("../input/titanic/test.csv")
print(train.shape, test.shape)
print(train.head())


def add_features(frame):
    # row-wise feature engineering only, safe to apply to each file separately
    out = frame.copy()
    out["Title"] = out["Name"].str.extract(r",\s*([^\.]+)\.", expand=False)
    out["Title"] = out["Title"].replace(["Mlle", "Ms"], "Miss").replace("Mme", "Mrs")
    out["FamilySize"] = out["SibSp"] + out["Parch"] + 1
    out["Embarked"] = out["Embarked"].fillna("S")
    out["Age"] = out["Age"].fillna(-1)
    out["Fare"] = out["Fare"].fillna(0)
    return out


train = add_features(train)
test = add_features(test)

cat_cols = ["Sex", "Embarked", "Title", "Pclass"]
num_cols = ["Age", "Fare", "FamilySize", "SibSp", "Parch"]
X = train[cat_cols + num_cols]
y = train["Survived"]
X_sub = test[cat_cols + num_cols]

pipe = Pipeline([
    ("enc", ColumnTransformer([("oh", OneHotEncoder(handle_unknown="ignore"), cat_cols)],
                              remainder="passthrough")),
    ("rfc", RandomForestClassifier(n_estimators=500, max_depth=6, random_state=42)),
])

X_tr, X_val, y_tr, y_val = train_test_split(X, y, test_size=0.2, random_state=42)
pipe.fit(X_tr, y_tr)
print("validation accuracy:", accuracy_score(y_val, pipe.predict(X_val)))

pipe.fit(X, y)
sub = pd.DataFrame({"PassengerId": test["PassengerId"], "Survived": pipe.predict(X_sub).astype(int)})
sub.to_csv("submission.csv", index=False)
