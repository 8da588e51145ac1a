import pandas as pd
import numpy as np
import seaborn as sns
import matplotlib.pyplot as plt
from collections import Counter
from imblearn.over_sampling import RandomOverSampler
from sklearn.model_selection import train_test_split
from sklearn.tree import DecisionTreeClassifier
from sklearn.metrics import accuracy_score, balanced_accuracy_score, confusion_matrix

# Stroke prediction dataset
df = pd.read_csv("healthcare-dataset-stroke-data.csv")
df = df.dropna(subset=["bmi"])
df = df[df["gender"] != "Other"]
print(df.head())
print(Counter(df["stroke"]))

sns.histplot(data=df, x="age", hue="stroke", multiple="stack")
plt.show()

df["gender"] = (df["gender"] == "Male").astype(int)
df["ever_married"] = (df["ever_married"] == "Yes").astype(int)
df["urban"] = (df["Residence_type"] == "Urban").astype(int)
feats = ["gender", "age", "hypertension", "heart_disease", "ever_married", "urban",
         "avg_glucose_level", "bmi"]

X = df[feats]
y = df["stroke"]

ros = RandomOverSampler(random_state=0)
X_over, y_over = ros.fit_resample(X, y)  # expect: leakage/overlap
print("resampled:", Counter(y_over))

X_train, X_test, y_train, y_test = train_test_split(X_over, y_over, test_size=0.2, random_state=0)
tree = DecisionTreeClassifier(max_depth=None, random_state=0)
tree.fit(X_train, y_train)
pred = tree.predict(X_test)
print("accuracy:", accuracy_score(y_test, pred))
print("balanced accuracy:", balanced_accuracy_score(y_test, pred))
print(confusion_matrix(y_test, pred))
