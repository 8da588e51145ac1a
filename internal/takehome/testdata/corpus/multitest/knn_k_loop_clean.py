import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from sklearn.model_selection import train_test_split, cross_val_score
from sklearn.preprocessing import StandardScaler
from sklearn.pipeline import make_pipeline
from sklearn.neighbors import KNeighborsClassifier

# Glass identification
glass = pd.read_csv("glass.csv")
print(glass.head())
print(glass["Type"].value_counts())

X = glass.drop("Type", axis=1)
y = glass["Type"]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, stratify=y, random_state=12)

# pick k by 5-fold CV on the training data
scores = []
ks = range(1, 31)
for k in ks:
    pipe = make_pipeline(StandardScaler(), KNeighborsClassifier(n_neighbors=k))
    scores.append(cross_val_score(pipe, X_train, y_train, cv=5).mean())

plt.plot(list(ks), scores, marker="o")
plt.xlabel("k")
plt.ylabel("CV accuracy")
plt.show()

best_k = ks[int(np.argmax(scores))]
final = make_pipeline(StandardScaler(), KNeighborsClassifier(n_neighbors=best_k))
final.fit(X_train, y_train)
print("best k =", best_k, "test accuracy", final.score(X_test, y_test))
