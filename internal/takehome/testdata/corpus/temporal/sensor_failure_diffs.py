import pandas as pd
import numpy as np
import matplotlib.pyplot as plt
from sklearn.model_selection import train_test_split
from sklearn.ensemble import ExtraTreesClassifier
from sklearn.metrics import classification_report, average_precision_score

# Pump sensor log (one reading per minute) - predict a failure in the next hour
pump = pd.read_csv("pump_sensor.csv", parse_dates=["timestamp"])
pump = pump.sort_values("timestamp").set_index("timestamp")
pump = pump.drop(columns=["Unnamed: 0", "sensor_15"])
print(pump["machine_status"].value_counts())

pump[["sensor_04", "sensor_51"]].plot(subplots=True, figsize=(14, 5))
plt.show()

sensors = ["sensor_00", "sensor_04", "sensor_11", "sensor_44", "sensor_51"]
pump = pump.dropna(subset=sensors)
for s in sensors:
    pump[s + "_d1"] = pump[s].diff()
    pump[s + "_d10"] = pump[s].diff(10)
    pump[s + "_max60"] = pump[s].rolling(60).max()

broken = (pump["machine_status"] != "NORMAL").astype(int)
# failure within the next 60 minutes
pump["fail_next_hour"] = broken[::-1].rolling(60, min_periods=1).max()[::-1].shift(-1)
pump = pump.dropna()

feat_cols = [c for c in pump.columns if c.startswith("sensor_")]
X = pump[feat_cols]
y = pump["fail_next_hour"].astype(int)

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, stratify=y, random_state=3)  # expect: leakage/temporal

et = ExtraTreesClassifier(n_estimators=300, n_jobs=-1, class_weight="balanced", random_state=3)
et.fit(X_train, y_train)
print(classification_report(y_test, et.predict(X_test)))
print("average precision:", average_precision_score(y_test, et.predict_proba(X_test)[:, 1]))
