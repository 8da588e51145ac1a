import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from sklearn.model_selection import TimeSeriesSplit
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_absolute_percentage_error

# Monthly airline passengers, one-step-ahead forecast with lag features
air = pd.read_csv("airline-passengers.csv", parse_dates=["Month"]).set_index("Month")
air = air.sort_index()
print(air.head())
air["Passengers"].plot(title="passengers")
plt.show()

air["log_p"] = np.log(air["Passengers"])
for k in (1, 2, 12):
    air[f"lag{k}"] = air["log_p"].shift(k)
air["roll3"] = air["log_p"].shift(1).rolling(3).mean()
air["growth"] = air["log_p"].diff().shift(1)
air["month"] = air.index.month
air = air.dropna()

cols = ["lag1", "lag2", "lag12", "roll3", "growth", "month"]
X, y = air[cols].values, air["log_p"].values

tscv = TimeSeriesSplit(n_splits=5, test_size=12)
errors = []
for train_idx, test_idx in tscv.split(X):
    ridge = Ridge(alpha=0.1)
    ridge.fit(X[train_idx], y[train_idx])
    pred = ridge.predict(X[test_idx])
    errors.append(mean_absolute_percentage_error(np.exp(y[test_idx]), np.exp(pred)))

print("MAPE per fold:", np.round(errors, 4))
print("mean MAPE:", np.mean(errors))
