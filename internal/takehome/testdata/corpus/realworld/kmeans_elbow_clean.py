import numpy as np
from sklearn.cluster import KMeans
from sklearn.model_selection import train_test_split
X = np.load("x.npy"); Y = np.load("y.npy")
Xtr, Xte, Ytr, Yte = train_test_split(X, Y, test_size=0.3)
inertia = []
for k in range(1, 10):
    km = KMeans(k).fit(Xtr)
    inertia.append(km.score(Xtr))
