import pandas as pd
import numpy as np
import matplotlib.pyplot as plt
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.feature_selection import SelectKBest, f_classif
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_val_score

# Sonar: mines vs rocks, 60 frequency bands
sonar = pd.read_csv("sonar.all-data.csv", header=None)
print(sonar.shape)
print(sonar[60].value_counts())
print(sonar.iloc[:, :8].describe())

X = sonar.iloc[:, :60]
y = (sonar[60] == "M").astype(int)

# average energy per band for each class, just to look at
X.groupby(y).mean().T.plot(figsize=(12, 4))
plt.xlabel("band")
plt.show()

# scaling and feature selection happen inside each CV training fold
scores = cross_val_score(make_pipeline(StandardScaler(), SelectKBest(f_classif, k=5), LogisticRegression()), X, y, cv=5)
print("fold accuracies:", scores.round(3))
print(f"mean accuracy {scores.mean():.3f} +/- {scores.std():.3f}")
