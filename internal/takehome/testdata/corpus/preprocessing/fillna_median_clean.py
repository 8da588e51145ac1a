import pandas as pd
import numpy as np
import matplotlib.pyplot as plt
from sklearn.model_selection import train_test_split
from sklearn.ensemble import RandomForestRegressor
from sklearn.metrics import mean_absolute_error, r2_score

cars = pd.read_csv("used_cars.csv")
print(cars.head())
print(cars.isna().sum())

cars = cars.drop_duplicates()
cars = cars[cars["price"] > 500]
cars["age"] = 2023 - cars["year"]

plt.scatter(cars["mileage"], cars["price"], s=3)
plt.show()

X = cars[["age", "mileage", "engine_size", "tax", "mpg"]].copy()
y = np.log1p(cars["price"])

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=21)
X_train = X_train.copy()
X_test = X_test.copy()

# fill values learnt from the training split
mileage_med = X_train["mileage"].median()
engine_mean = X_train["engine_size"].mean()
for part in (X_train, X_test):
    part["mileage"] = part["mileage"].fillna(mileage_med)
    part["engine_size"] = part["engine_size"].fillna(engine_mean)

reg = RandomForestRegressor(n_estimators=200, min_samples_leaf=3, n_jobs=-1)
reg.fit(X_train, y_train)
pred = reg.predict(X_test)
print("MAE (log price):", mean_absolute_error(y_test, pred))
print("R2:", r2_score(y_test, pred))
