import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from sklearn.feature_selection import SelectKBest, f_classif
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler
from sklearn.pipeline import make_pipeline
from sklearn.model_selection import cross_val_score, StratifiedKFold

# Gene expression (leukemia subtypes) - many more columns than rows
genes = pd.read_csv("leukemia_expression.csv")
print(genes.shape)
print(genes["subtype"].value_counts())

y = (genes["subtype"] == "AML").astype(int)
X = genes.drop(columns=["sample_id", "subtype"])

X.var().sort_values(ascending=False).head(50).plot(kind="bar", figsize=(14, 4))
plt.show()

# keep the 20 most discriminative genes
skb = SelectKBest(f_classif, k=20)
X_top = skb.fit_transform(X, y)  # expect: leakage/cv-preprocessing
print("kept genes:", list(X.columns[skb.get_support()])[:10], "...")

clf = make_pipeline(StandardScaler(), LogisticRegression(C=0.5, max_iter=5000))
cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
scores = cross_val_score(clf, X_top, y, cv=cv, scoring="accuracy")
print("CV accuracy: %.3f +/- %.3f" % (scores.mean(), scores.std()))
