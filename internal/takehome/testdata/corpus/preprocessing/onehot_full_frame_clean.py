import numpy as np
import pandas as pd
from sklearn.preprocessing import OneHotEncoder
from sklearn.compose import ColumnTransformer
from sklearn.pipeline import Pipeline
from sklearn.model_selection import train_test_split
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score

# Adult census income
cols = ["age", "workclass", "fnlwgt", "education", "education_num", "marital_status",
        "occupation", "relationship", "race", "sex", "capital_gain", "capital_loss",
        "hours_per_week", "native_country", "income"]
adult = pd.read_csv("adult.data", names=cols, skipinitialspace=True, na_values="?")
adult = adult.dropna()
print(adult.head())
print(adult["income"].value_counts())

cat_cols = ["workclass", "education", "marital_status", "occupation", "relationship", "race", "sex"]
num_cols = ["age", "education_num", "capital_gain", "capital_loss", "hours_per_week"]

X = adult[cat_cols + num_cols]
y = (adult["income"] == ">50K").astype(int).values

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=3)

prep = ColumnTransformer([
    ("cat", OneHotEncoder(handle_unknown="ignore"), cat_cols),
    ("num", "passthrough", num_cols),
])
model = Pipeline([("prep", prep), ("logreg", LogisticRegression(max_iter=2000, C=0.5))])
model.fit(X_train, y_train)

y_hat = model.predict(X_test)
print(f"accuracy={accuracy_score(y_test, y_hat):.4f}  f1={f1_score(y_test, y_hat):.4f}")
