import pandas as pd
import numpy as np
from sklearn.preprocessing import MinMaxScaler
from sklearn.neighbors import KNeighborsRegressor
from sklearn.metrics import mean_absolute_error, r2_score

# Concrete compressive strength
df = pd.read_csv("concrete_data.csv")
df = df.sample(frac=1, random_state=4).reset_index(drop=True)
print(df.head())
print(df.shape)

target = "concrete_compressive_strength"
features = [c for c in df.columns if c != target]

# first 800 shuffled rows for training, the rest for testing
train = df.iloc[:800]
test = df.iloc[800:]

scaler = MinMaxScaler()
X_train = scaler.fit_transform(train[features])
X_test = scaler.transform(test[features])
y_train, y_test = train[target], test[target]

knn = KNeighborsRegressor(n_neighbors=5, weights="distance")
knn.fit(X_train, y_train)
pred = knn.predict(X_test)
print("MAE:", mean_absolute_error(y_test, pred))
print("R2 :", r2_score(y_test, pred))
