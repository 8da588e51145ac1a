import pandas as pd
import numpy as np
import matplotlib.pyplot as plt
from sklearn.preprocessing import scale
from sklearn.model_selection import train_test_split
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import accuracy_score

# Seeds dataset (wheat kernels)
df = pd.read_csv("seeds_dataset.csv")
print(df.head())
print(df["variety"].value_counts())

num_cols = ["area", "perimeter", "compactness", "kernel_length", "kernel_width", "asymmetry", "groove_length"]

# standardised copy, only used to compare the feature spreads in a boxplot
df_scaled = pd.DataFrame(scale(df[num_cols]), columns=num_cols)
df_scaled.boxplot(rot=45, figsize=(10, 4))
plt.title("standardised features")
plt.show()

# the model itself works on the raw frame (trees do not care about scale)
X = df[num_cols]
y = df["variety"]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, stratify=y, random_state=6)

rf = RandomForestClassifier(n_estimators=250, random_state=6)
rf.fit(X_train, y_train)
print("test accuracy:", accuracy_score(y_test, rf.predict(X_test)))
