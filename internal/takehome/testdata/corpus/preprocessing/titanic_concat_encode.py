# Titanic - Machine Learning from Disaster
import pandas as pd
import numpy as np
from sklearn.preprocessing import LabelEncoder
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split
from sklearn.metrics import accuracy_score

train = pd.read_csv("../input/titanic/train.csv")
test = pd.read_csv("../input/titanic/test.csv")
print(train.shape, test.shape)
print(train.head())

# combine so the encoders see every category
full = pd.concat([train, test], axis=0, ignore_index=True)

full["Title"] = full["Name"].str.extract(r",\s*([^\.]+)\.", expand=False)
full["Title"] = full["Title"].replace(["Mlle", "Ms"], "Miss").replace("Mme", "Mrs")
full["FamilySize"] = full["SibSp"] + full["Parch"] + 1
full["Embarked"] = full["Embarked"].fillna("S")
full["Age"] = full["Age"].fillna(-1)
full["Fare"] = full["Fare"].fillna(0)

le = LabelEncoder()
for col in ["Sex", "Embarked"]:
    full[col] = le.fit_transform(full[col])  # expect: leakage/preprocessing

full = pd.get_dummies(full, columns=["Title", "Pclass"])  # expect: leakage/preprocessing

drop_cols = ["PassengerId", "Name", "Ticket", "Cabin", "Survived"]
train_df = full[:len(train)]
test_df = full[len(train):]

X = train_df.drop(drop_cols, axis=1)
y = train["Survived"]
X_sub = test_df.drop(drop_cols, axis=1)

X_tr, X_val, y_tr, y_val = train_test_split(X, y, test_size=0.2, random_state=42)
rfc = RandomForestClassifier(n_estimators=500, max_depth=6, random_state=42)
rfc.fit(X_tr, y_tr)
print("validation accuracy:", accuracy_score(y_val, rfc.predict(X_val)))

rfc.fit(X, y)
sub = pd.DataFrame({"PassengerId": test["PassengerId"], "Survived": rfc.predict(X_sub).astype(int)})
sub.to_csv("submission.csv", index=False)
