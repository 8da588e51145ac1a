import numpy as np


def cases():
    rng = np.random.default_rng(20261209)
    n = rng.normal

    def rand(N, D, H, C, scale2=1.0):
        return [n(size=(N, D)), rng.integers(0, C, size=N), n(size=(D, H)) / np.sqrt(D), 0.1 * n(size=H),
                scale2 * n(size=(H, C)) / np.sqrt(H), 0.1 * n(size=C)]

    out = [
        {"name": "two examples", "visible": True,
         "args": [np.array([[1.0, 2.0], [-1.0, 0.5]]), np.array([0, 1]),
                  np.array([[0.5, -0.3, 0.8], [0.2, 0.4, -0.6]]), np.array([0.1, 0.0, -0.1]),
                  np.array([[1.0, -1.0], [0.5, 0.5], [-0.7, 0.3]]), np.array([0.0, 0.2])]},
        {"name": "four examples, three classes", "visible": True, "args": rand(4, 3, 5, 3)},
        {"name": "pre-activations exactly zero",
         "args": [np.array([[1.0, 2.0], [0.0, 1.0], [2.0, -1.0]]), np.array([1, 0, 1]),
                  np.array([[1.0, -1.0, 0.0], [0.0, 1.0, 1.0]]), np.array([-1.0, 0.0, -1.0]),
                  np.array([[1.0, -2.0], [0.5, 1.0], [-1.0, 2.0]]), np.array([0.0, 0.5])]},
        {"name": "logits in the thousands", "args": rand(6, 4, 8, 3, scale2=4000.0)},
        {"name": "single example", "args": rand(1, 5, 4, 3)},
    ]
    dead = rand(8, 3, 6, 4)
    dead[3] = dead[3].copy()
    dead[3][[1, 4]] = -50.0
    out.append({"name": "dead hidden units", "args": dead})
    for N, D, H, C in [(16, 5, 8, 4), (50, 10, 20, 6), (32, 3, 16, 2)]:
        out.append({"name": "random N=%d D=%d H=%d C=%d" % (N, D, H, C), "args": rand(N, D, H, C)})
    return out
