package judge

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// honest is a correct linear-regression submission, graded after every
// hostile one to show the judge still answers and nothing leaked.
const honest = `import numpy as np

def linear_regression(X, y):
    return np.linalg.lstsq(X, y, rcond=None)[0]
`

// The hostile suite: each submission gets its expected verdict, and the
// honest submission after it is still accepted.
func TestHostileSubmissions(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: several submissions run into their time limits")
	}
	cases := []struct {
		name, code, want string
	}{
		{"infinite loop", `
def linear_regression(X, y):
    while True:
        pass
`, TimeLimit},
		{"sleeps past the wall clock", `
import time
def linear_regression(X, y):
    time.sleep(60)
`, TimeLimit},
		{"ignores SIGXCPU while looping", `
import signal
signal.signal(signal.SIGXCPU, signal.SIG_IGN)
def linear_regression(X, y):
    while True:
        pass
`, TimeLimit},
		{"fork bomb", `
import os
def linear_regression(X, y):
    while True:
        os.fork()
`, RuntimeError},
		{"memory bomb", `
import numpy as np
def linear_regression(X, y):
    return np.ones((50000, 50000))
`, MemoryLimit},
		{"gradual leak", `
def linear_regression(X, y):
    hoard = []
    while True:
        hoard.append(bytearray(10**7))
`, MemoryLimit},
		{"a gigabyte of output", `
def linear_regression(X, y):
    line = "x" * 1000
    for _ in range(10**6):
        print(line)
`, OutputLimit},
		{"floods stderr", `
import sys
def linear_regression(X, y):
    while True:
        sys.stderr.write("y" * 65536)
`, OutputLimit},
		{"returns a huge value", `
import numpy as np
def linear_regression(X, y):
    return np.zeros(30_000_000, dtype=np.int8)
`, OutputLimit},
		{"opens a network connection", `
import socket
def linear_regression(X, y):
    socket.create_connection(("1.1.1.1", 53), timeout=2)
`, RuntimeError},
		{"reads /etc/passwd", `
def linear_regression(X, y):
    return open("/etc/passwd").read()
`, RuntimeError},
		{"searches the filesystem for the answers", `
import os, numpy as np
def linear_regression(X, y):
    found = []
    for root, dirs, files in os.walk("/"):
        dirs[:] = [d for d in dirs if root != "/" or d not in ("proc", "usr")]
        found += [f for f in files if "case" in f or "solution" in f or f.endswith(".db")]
    if found:
        raise RuntimeError("found " + repr(found[:5]))
    return np.zeros(X.shape[1])
`, WrongAnswer},
		{"writes outside /tmp", `
def linear_regression(X, y):
    for path in ["/x", "/dev/x", "/usr/x", "/etc/x", "/w/x"]:
        try:
            open(path, "w").write("x")
        except OSError:
            continue
        raise RuntimeError("wrote " + path)
    raise PermissionError("every write outside /tmp failed, as it should")
`, RuntimeError},
		{"kills its parent", `
import os
def linear_regression(X, y):
    os.kill(os.getppid(), 9)
`, WrongAnswer},
		{"kills every process it can see", `
import os, signal, numpy as np
def linear_regression(X, y):
    os.kill(-1, signal.SIGKILL)
    return np.zeros(X.shape[1])
`, RuntimeError},
		{"sys.exit(0) before returning", `
import sys
def linear_regression(X, y):
    sys.exit(0)
`, RuntimeError},
		{"os._exit(0) before returning", `
import os
def linear_regression(X, y):
    os._exit(0)
`, RuntimeError},
		{"exits at import time", `
import os
os._exit(0)
`, RuntimeError},
		{"monkeypatches numpy and builtins", `
import builtins, json, numpy as np
np.allclose = lambda *a, **k: True
np.testing.assert_allclose = lambda *a, **k: None
builtins.abs = lambda x: 0
builtins.sum = lambda *a: 0
builtins.float = lambda *a: 0.0
json.dumps = lambda *a, **k: '{"i": 0, "values": [[1.0, 1.0]]}'
def linear_regression(X, y):
    return np.zeros(X.shape[1])
`, WrongAnswer},
		{"breaks the standard library it shares with the harness", `
import builtins, numpy as np
builtins.isinstance = lambda *a: True
def linear_regression(X, y):
    return np.linalg.lstsq(X, y, rcond=None)[0] + 1
`, RuntimeError},
		{"prints a forged verdict", `
import numpy as np
def linear_regression(X, y):
    print('{"verdict": "accepted", "passed": 10, "total": 10}')
    return np.zeros(X.shape[1])
`, WrongAnswer},
		{"returns an object equal to everything", `
class Sneaky:
    def __eq__(self, other): return True
    def __array__(self): raise RuntimeError
def linear_regression(X, y):
    return Sneaky()
`, WrongAnswer},
		{"syntax error", "def linear_regression(X, y)\n    return X\n", SyntaxError},
		{"wrong function name", "def fit(X, y):\n    return X\n", RuntimeError},
		{"fills /tmp", `
def linear_regression(X, y):
    with open("/tmp/big", "wb") as f:
        for _ in range(1000):
            f.write(b"z" * (1 << 20))
`, RuntimeError},
		{"recursion without a base case", `
def down(n):
    return down(n + 1) + 1
def linear_regression(X, y):
    return down(0)
`, RuntimeError},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res := grade(t, "linear-regression", tc.code)
			if res.Verdict != tc.want {
				t.Errorf("want %s, got %s", tc.want, describe(res))
			}
			if ok := grade(t, "linear-regression", honest); ok.Verdict != Accepted {
				t.Fatalf("after %q, an honest submission got %s", tc.name, describe(ok))
			}
		})
	}
}

// TestNothingCrossesSubmissions leaves a file in /tmp and /dev/shm and a
// background process behind; the next submission must find neither.
func TestNothingCrossesSubmissions(t *testing.T) {
	leave := `
import os, subprocess, numpy as np
def linear_regression(X, y):
    open("/tmp/left-behind", "w").write("secret")
    try:
        open("/dev/shm/left-behind", "w").write("secret")
    except OSError:
        pass
    if os.fork() == 0:
        os.setsid()
        if os.fork() == 0:
            import time
            time.sleep(30)
        os._exit(0)
    np.LEFT_BEHIND = "state"
    import ctypes
    libc = ctypes.CDLL(None)
    seg = libc.shmget(0x4242, 4096, 0o1000 | 0o666)  # IPC_CREAT
    if seg >= 0:
        libc.shmat.restype = ctypes.c_void_p
        addr = libc.shmat(seg, None, 0)
        ctypes.memmove(addr, b"secret", 6)
    return np.linalg.lstsq(X, y, rcond=None)[0]
`
	look := `
import os, numpy as np
def linear_regression(X, y):
    for p in ["/tmp/left-behind", "/dev/shm/left-behind"]:
        if os.path.exists(p):
            raise RuntimeError("found " + p)
    others = [p for p in os.listdir("/proc") if p.isdigit() and int(p) != os.getpid()]
    if others:
        raise RuntimeError("other processes: %s" % others)
    if hasattr(np, "LEFT_BEHIND"):
        raise RuntimeError("numpy was changed by an earlier submission")
    import ctypes
    if ctypes.CDLL(None).shmget(0x4242, 0, 0) >= 0:
        raise RuntimeError("System V shared memory survived from an earlier submission")
    if os.listdir("/tmp"):
        raise RuntimeError("/tmp is not empty: %s" % os.listdir("/tmp"))
    return np.linalg.lstsq(X, y, rcond=None)[0]
`
	if res := grade(t, "linear-regression", leave); res.Verdict != Accepted {
		t.Fatalf("the leaving submission: %s", describe(res))
	}
	// Every worker must be clean, so try more times than there are workers.
	for i := 0; i < 2*testJudge(t).Workers(); i++ {
		if res := grade(t, "linear-regression", look); res.Verdict != Accepted {
			t.Fatalf("run %d: %s", i, describe(res))
		}
	}
	// No sleeping process survives on the host either.
	out, _ := exec.Command("pgrep", "-u", "65534", "-f", "sleep").Output()
	if strings.TrimSpace(string(out)) != "" && os.Geteuid() == 0 {
		t.Errorf("a background process outlived its submission: %s", out)
	}
}
