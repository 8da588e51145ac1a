# Predict whether AAPL closes higher tomorrow
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from sklearn.model_selection import train_test_split
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import accuracy_score, precision_score

stock = pd.read_csv("AAPL.csv", parse_dates=["Date"])
stock = stock.sort_values("Date").reset_index(drop=True)
print(stock.tail())

stock.plot(x="Date", y="Close", figsize=(12, 4))
plt.show()

# technical features
stock["ret"] = stock["Close"].pct_change()
stock["ret_lag1"] = stock["ret"].shift(1)
stock["ret_lag2"] = stock["ret"].shift(2)
stock["ma5_ratio"] = stock["Close"] / stock["Close"].rolling(5).mean()
stock["ma20_ratio"] = stock["Close"] / stock["Close"].rolling(20).mean()
stock["vol10"] = stock["ret"].rolling(10).std()
stock["volume_chg"] = stock["Volume"].pct_change()

# label: tomorrow's close above today's
stock["target"] = (stock["Close"].shift(-1) > stock["Close"]).astype(int)
stock = stock.dropna().iloc[:-1]

features = ["ret", "ret_lag1", "ret_lag2", "ma5_ratio", "ma20_ratio", "vol10", "volume_chg"]
X = stock[features]
y = stock["target"]

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=42)  # expect: leakage/temporal

rf = RandomForestClassifier(n_estimators=500, min_samples_leaf=5, random_state=42)
rf.fit(X_train, y_train)
pred = rf.predict(X_test)
print("accuracy :", accuracy_score(y_test, pred))
print("precision:", precision_score(y_test, pred))
