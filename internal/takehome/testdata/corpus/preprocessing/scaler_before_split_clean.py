import pandas as pd
import numpy as np
import matplotlib.pyplot as plt
import seaborn as sns
from sklearn.preprocessing import StandardScaler
from sklearn.model_selection import train_test_split
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import accuracy_score, classification_report

df = pd.read_csv("winequality-red.csv")
print(df.head())
print(df.shape)
print(df.isnull().sum())

# distribution of the quality score
sns.countplot(x="quality", data=df)
plt.title("Quality counts")
plt.show()

# treat quality >= 7 as a "good" wine
df["good"] = (df["quality"] >= 7).astype(int)
print(df["good"].value_counts(normalize=True))

X = df.drop(["quality", "good"], axis=1)
y = df["good"]

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=42)

# scaler learns mean/std from the training rows only
scaler = StandardScaler()
X_train = scaler.fit_transform(X_train)
X_test = scaler.transform(X_test)

rf = RandomForestClassifier(n_estimators=300, max_depth=8, random_state=42)
rf.fit(X_train, y_train)

pred = rf.predict(X_test)
print("Test accuracy:", accuracy_score(y_test, pred))
print(classification_report(y_test, pred))
