"""SMS spam classifier."""
import re
import pandas as pd
import matplotlib.pyplot as plt
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.model_selection import train_test_split
from sklearn.naive_bayes import MultinomialNB
from sklearn.metrics import accuracy_score, f1_score, classification_report


def clean_text(s):
    s = s.lower()
    s = re.sub(r"http\S+", " url ", s)
    s = re.sub(r"[^a-z0-9 ]", " ", s)
    return re.sub(r"\s+", " ", s).strip()


sms = pd.read_csv("spam.csv", encoding="latin-1")[["v1", "v2"]]
sms.columns = ["label", "text"]
print(sms.head(10))
print(sms["label"].value_counts())

sms["length"] = sms["text"].str.len()
sms.hist(column="length", by="label", bins=40, figsize=(10, 4))
plt.show()

sms["text"] = sms["text"].apply(clean_text)
y = (sms["label"] == "spam").astype(int)

text_train, text_test, y_train, y_test = train_test_split(
    sms["text"], y, test_size=0.2, random_state=1
)

tfidf = TfidfVectorizer(stop_words="english", ngram_range=(1, 2), min_df=2)
X_train = tfidf.fit_transform(text_train)
X_test = tfidf.transform(text_test)
print("vocab size", len(tfidf.vocabulary_))

nb = MultinomialNB(alpha=0.1)
nb.fit(X_train, y_train)
y_pred = nb.predict(X_test)
print("acc", accuracy_score(y_test, y_pred))
print("f1 ", f1_score(y_test, y_pred))
print(classification_report(y_test, y_pred))
