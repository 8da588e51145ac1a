"""Features for the churn model. Data lives in data/, e.g. /home/you/data is not needed."""
import pandas as pd


def add_features(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    out["tenure_bucket"] = pd.cut(out["tenure"], [0, 12, 24, 48, 72])
    return out
