import pandas as pd
import numpy as np
from sklearn.preprocessing import RobustScaler
from sklearn.neighbors import KNeighborsClassifier
from sklearn.metrics import accuracy_score, classification_report

# customer segmentation labels provided by marketing; rows are already shuffled
df = pd.read_csv("customers_labeled.csv")
df = df.sample(frac=1.0, random_state=0).reset_index(drop=True)
print(df.head())
print(df.segment.value_counts())

num_cols = ["Age", "Annual_Income", "Spending_Score", "Visits_Per_Month", "Avg_Basket"]

# outliers in income -> robust scaling
rs = RobustScaler()
df[num_cols] = rs.fit_transform(df[num_cols])  # expect: leakage/preprocessing

n_train = int(len(df) * 0.8)
train = df.iloc[:n_train]
test = df.iloc[n_train:]

X_train, y_train = train[num_cols], train["segment"]
X_test, y_test = test[num_cols], test["segment"]

knn = KNeighborsClassifier(n_neighbors=7)
knn.fit(X_train, y_train)
y_pred = knn.predict(X_test)
print("accuracy:", accuracy_score(y_test, y_pred))
print(classification_report(y_test, y_pred))
