import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from sklearn.model_selection import TimeSeriesSplit, cross_val_score
from sklearn.ensemble import RandomForestRegressor

# Hourly NO2 concentration, forecast one hour ahead
air = pd.read_csv("AirQualityUCI.csv", sep=";", decimal=",")
air = air.dropna(how="all", axis=1).dropna(how="all", axis=0)
air["ts"] = pd.to_datetime(air["Date"] + " " + air["Time"], format="%d/%m/%Y %H.%M.%S")
air = air.set_index("ts").sort_index()
air = air.replace(-200, np.nan)
print(air.describe().T[["mean", "min", "max"]])

air["NO2(GT)"].plot(figsize=(14, 3))
plt.show()

air["no2_lag1"] = air["NO2(GT)"].shift(1)
air["no2_lag2"] = air["NO2(GT)"].shift(2)
air["no2_lag24"] = air["NO2(GT)"].shift(24)
air["no2_diff1"] = air["NO2(GT)"].diff()
air["co_roll6"] = air["CO(GT)"].rolling(6).mean()
air["hour"] = air.index.hour
air["target"] = air["NO2(GT)"].shift(-1)
air = air.dropna(subset=["no2_lag1", "no2_lag2", "no2_lag24", "no2_diff1", "co_roll6", "target"])

X = air[["no2_lag1", "no2_lag2", "no2_lag24", "no2_diff1", "co_roll6", "hour"]]
y = air["target"]

# expanding-window validation: every fold predicts hours after its training window
tscv = TimeSeriesSplit(n_splits=5)
rfr = RandomForestRegressor(n_estimators=200, n_jobs=-1, random_state=0)
mae = -cross_val_score(rfr, X, y, cv=tscv, scoring="neg_mean_absolute_error")
print("MAE per split:", mae.round(2))
print("mean MAE:", mae.mean())
