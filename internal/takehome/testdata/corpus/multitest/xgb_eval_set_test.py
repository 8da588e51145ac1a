import pandas as pd
import numpy as np
import matplotlib.pyplot as plt
from sklearn.model_selection import train_test_split
from sklearn.metrics import accuracy_score, roc_auc_score
from xgboost import XGBClassifier, plot_importance

# Home credit (small extract)
app = pd.read_csv("application_sample.csv")
print(app.shape)
print(app["TARGET"].mean())

app["CREDIT_INCOME_RATIO"] = app["AMT_CREDIT"] / app["AMT_INCOME_TOTAL"]
app["ANNUITY_CREDIT_RATIO"] = app["AMT_ANNUITY"] / app["AMT_CREDIT"]
app["AGE_YEARS"] = -app["DAYS_BIRTH"] / 365.25
num_cols = app.select_dtypes("number").columns.drop(["TARGET", "SK_ID_CURR"])

X = app[num_cols]
y = app["TARGET"]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=0)

xgb = XGBClassifier(
    n_estimators=2000,
    learning_rate=0.03,
    max_depth=5,
    subsample=0.8,
    colsample_bytree=0.7,
    eval_metric="auc",
    early_stopping_rounds=100,
)
xgb.fit(X_train, y_train, eval_set=[(X_test, y_test)], verbose=200)  # expect: leakage/multi-test
print("best iteration:", xgb.best_iteration)

proba = xgb.predict_proba(X_test)[:, 1]
print("test AUC:", roc_auc_score(y_test, proba))
print("test acc:", accuracy_score(y_test, proba > 0.5))

plot_importance(xgb, max_num_features=15)
plt.show()
