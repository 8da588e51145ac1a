"""BTC daily direction - logistic regression baseline."""
import pandas as pd
import numpy as np
from sklearn.model_selection import train_test_split
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, roc_auc_score


def add_features(df):
    df = df.copy()
    df["ret_1"] = df["close"].pct_change()
    df["ret_3"] = df["close"].pct_change(3)
    df["ret_7"] = df["close"].pct_change(7)
    # z-score of price against its own history so far
    exp_mean = df["close"].expanding(min_periods=30).mean()
    exp_std = df["close"].expanding(min_periods=30).std()
    df["z_hist"] = (df["close"] - exp_mean) / exp_std
    df["range_pct"] = (df["high"] - df["low"]) / df["close"]
    df["vol_chg"] = df["volume"].diff() / df["volume"].shift(1)
    return df


btc = pd.read_csv("btc_daily.csv", parse_dates=["date"]).sort_values("date")
print(btc.head())
print(btc["date"].min(), "->", btc["date"].max())

btc = add_features(btc)
btc["up_next"] = (btc["close"].shift(-1) > btc["close"]).astype(int)
btc = btc.dropna().iloc[:-1]

cols = ["ret_1", "ret_3", "ret_7", "z_hist", "range_pct", "vol_chg"]
X_train, X_test, y_train, y_test = train_test_split(btc[cols], btc["up_next"], test_size=0.25)  # expect: leakage/temporal

logit = LogisticRegression(C=0.1, max_iter=1000)
logit.fit(X_train, y_train)
print("accuracy:", accuracy_score(y_test, logit.predict(X_test)))
print("AUC     :", roc_auc_score(y_test, logit.predict_proba(X_test)[:, 1]))
