def shuffled(n, k, seed):
    return {"args": [n, k], "kwargs": {"shuffle": True, "random_state": seed}}


def cases():
    return [
        {"name": "6 samples, 3 folds", "visible": True, "args": [6, 3]},
        {"name": "10 samples, 3 folds: uneven sizes", "visible": True, "args": [10, 3]},
        {"name": "shuffled, 10 samples, 3 folds", "visible": True,
         "args": [10, 3], "kwargs": {"shuffle": True, "random_state": 0}},
        {"name": "leave-one-out, 5 samples", "args": [5, 5]},
        {"name": "two samples, two folds", "args": [2, 2]},
        {"name": "10 samples, 4 folds", "args": [10, 4]},
        {"name": "103 samples, 10 folds", "args": [103, 10]},
        {"name": "shuffle=False passed explicitly", "args": [23, 4],
         "kwargs": {"shuffle": False, "random_state": 5}},
        {"name": "shuffled: same seed twice, then another seed",
         "calls": [shuffled(50, 5, 1), shuffled(50, 5, 1), shuffled(50, 5, 2)]},
        {"name": "shuffled, uneven: same seed twice, then another seed",
         "calls": [shuffled(103, 10, 42), shuffled(103, 10, 7), shuffled(103, 10, 42)]},
        {"name": "shuffled, positional arguments",
         "calls": [{"args": [37, 6, True, 3]}, {"args": [37, 6, True, 4]}]},
        {"name": "shuffled, leave-one-out",
         "calls": [shuffled(20, 20, 11), shuffled(20, 20, 11), shuffled(20, 20, 12)]},
    ]
