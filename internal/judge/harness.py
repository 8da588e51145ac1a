# offerloop judge harness: a warm Python worker with numpy imported.
#
# It runs inside a bubblewrap sandbox (or, with --no-sandbox, as a plain child
# process). It prints "ready", then serves one request per line on stdin. For
# each request it forks a monitor; the monitor moves into fresh PID and mount
# namespaces and forks the runner, which becomes PID 1 there, mounts its own
# empty /tmp and /proc, sets its rlimits, drops every capability and only then
# runs the submission. When the runner exits, the kernel kills everything it
# left behind, its /tmp disappears with its mount namespace, and its memory was
# only ever a copy-on-write child of this process: nothing reaches the next
# submission.
#
# The runner sees only test inputs. It writes one JSON record per case to fd 3;
# the monitor relays those bytes, capped, to the Go side, which compares them
# with expected outputs this process never sees.
import builtins
import ctypes
import gc
import json
import math
import os
import random
import resource
import select
import signal
import sys
import time
import traceback

import numpy

# The harness binds the builtins it uses as its own globals, so a submission
# that monkeypatches the builtins module does not change how results are sent.
# (It could still break the harness; then the run fails, which never helps it:
# every value is checked outside the sandbox.)
for _name in ("isinstance", "type", "len", "float", "int", "bool", "str", "list", "dict",
              "tuple", "repr", "abs", "all", "sum", "range", "enumerate", "callable", "set",
              "frozenset", "complex", "object", "open", "print", "getattr"):
    globals()[_name] = getattr(builtins, _name)

_ndarray = numpy.ndarray
_generic = numpy.generic
_integer = numpy.integer
_floating = numpy.floating
_bool_ = numpy.bool_
_asarray = numpy.asarray
_isfinite = numpy.isfinite
_array = numpy.array
_dumps = json.dumps
_loads = json.loads
_os_write = os.write
_exit = os._exit

MS_REC = 0x4000
MS_PRIVATE = 0x40000
MS_NOSUID = 0x2
MS_NODEV = 0x4
MS_RDONLY = 0x1
MS_REMOUNT = 0x20
MS_BIND = 0x1000
MS_RELATIME = 1 << 21
CLONE_NEWNS = 0x00020000
CLONE_NEWPID = 0x20000000
CLONE_NEWIPC = 0x08000000
PR_CAPBSET_DROP = 24
PR_SET_DUMPABLE = 4

libc = ctypes.CDLL(None, use_errno=True)


class Failed(Exception):
    pass


def check(rc, what):
    if rc != 0:
        e = ctypes.get_errno()
        raise Failed("%s: %s" % (what, os.strerror(e)))


# ---- values ----------------------------------------------------------------

def decode(v):
    if isinstance(v, list):
        return [decode(x) for x in v]
    if isinstance(v, dict):
        if "nd" in v:
            nd = v["nd"]
            data = [decode_scalar(x) for x in nd["data"]] if nd["dtype"] != "bool" else nd["data"]
            return _array(data, dtype=nd["dtype"]).reshape(nd["shape"])
        if "f" in v:
            return float(v["f"])
        if "dict" in v:
            return {k: decode(x) for k, x in v["dict"].items()}
        if "tuple" in v:
            return tuple(decode(x) for x in v["tuple"])
    return v


def decode_scalar(x):
    if isinstance(x, dict):
        return float(x["f"])
    return x


def enc_float(f):
    if math.isnan(f):
        return {"f": "nan"}
    if math.isinf(f):
        return {"f": "inf" if f > 0 else "-inf"}
    return f


class TooLarge(Exception):
    pass


# At most this many numbers go back per case; a bigger result is an output
# limit, decided before any time is spent converting it.
MAX_ELEMENTS = 4 << 20
_budget = [MAX_ELEMENTS]


def spend(n):
    _budget[0] -= n
    if _budget[0] < 0:
        raise TooLarge()


def encode(v, depth=0):
    if depth > 16:
        return {"repr": "<nested too deeply>"}
    t = type(v)
    if v is None or t is bool or t is str:
        return v
    if t is int:
        return v if abs(v) < 2 ** 63 else float(v)
    if t is float:
        return enc_float(v)
    if isinstance(v, _ndarray):
        a = _ndarray.view(v, _ndarray)
        spend(a.size)
        kind = a.dtype.kind
        if kind in "biuf":
            if kind == "f":
                a = a.astype("float64")
                flat = _ndarray.tolist(a.reshape(-1))
                if not bool(_isfinite(a).all()):
                    flat = [enc_float(x) for x in flat]
            else:
                flat = _ndarray.tolist(a.reshape(-1))
            return {"nd": {"dtype": str(a.dtype.name), "shape": list(a.shape), "data": flat}}
        return {"repr": short_repr(v)}
    if isinstance(v, _bool_):
        return bool(v)
    if isinstance(v, _integer):
        return int(v)
    if isinstance(v, _floating):
        return enc_float(float(v))
    if t is tuple or t is list:
        spend(len(v))
        return [encode(x, depth + 1) for x in v]
    if t is dict and all(type(k) is str for k in v):
        return {"dict": {k: encode(x, depth + 1) for k, x in v.items()}}
    return {"repr": short_repr(v)}


def short_repr(v):
    try:
        r = object.__repr__(v) if not isinstance(v, (set, frozenset, complex)) else repr(v)
    except BaseException:
        r = "<unprintable>"
    return r[:200]


# ---- the runner: PID 1 of a fresh namespace, runs the submission -------------

def user_traceback(exc):
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == "solution.py"]
    lines = ["Traceback (most recent call last):\n"] if frames else []
    lines += traceback.format_list(frames)
    lines += traceback.format_exception_only(type(exc), exc)
    return "".join(lines)[-4000:]


def write_record(rec):
    data = (_dumps(rec, allow_nan=False) + "\n").encode()
    while data:
        n = _os_write(3, data)
        data = data[n:]


def drop_capabilities():
    for cap in range(64):
        libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0)

    class Header(ctypes.Structure):
        _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]

    class Data(ctypes.Structure):
        _fields_ = [("effective", ctypes.c_uint32), ("permitted", ctypes.c_uint32),
                    ("inheritable", ctypes.c_uint32)]

    hdr = Header(0x20080522, 0)
    data = (Data * 2)()
    check(libc.capset(ctypes.byref(hdr), ctypes.byref(data)), "capset")


def vm_size():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    return 0


def runner(req, res_w, out_w):
    lim = req["limits"]
    try:
        if req["sandbox"]:
            check(libc.mount(b"none", b"/", None, MS_REC | MS_PRIVATE, None), "make mounts private")
            opts = ("size=%d,nr_inodes=4096,mode=1777" % lim["tmp_bytes"]).encode()
            check(libc.mount(b"tmpfs", b"/tmp", b"tmpfs", MS_NOSUID | MS_NODEV, opts), "mount /tmp")
            check(libc.mount(b"proc", b"/proc", b"proc", MS_NOSUID | MS_NODEV, None), "mount /proc")
            if os.path.isdir("/dev/shm"):
                check(libc.mount(b"tmpfs", b"/dev/shm", b"tmpfs", MS_NOSUID | MS_NODEV, b"size=65536"), "mount /dev/shm")
            # bubblewrap's /dev is one tmpfs shared by every submission of this
            # worker: make it read-only here so nothing can be left in it.
            check(libc.mount(None, b"/dev", None, MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID | MS_NODEV | MS_RELATIME, None), "remount /dev read-only")
        # A session of its own: kill(0, ...) and killpg reach only the
        # submission's processes, never the worker that forked it.
        os.setsid()
        os.chdir("/tmp")
        os.dup2(res_w, 3)
        os.dup2(out_w, 1)
        os.dup2(out_w, 2)
        null = os.open("/dev/null", os.O_RDONLY)
        os.dup2(null, 0)
        os.closerange(4, 1 << 16)
        cpu = lim["cpu_s"]
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
        resource.setrlimit(resource.RLIMIT_AS, (vm_size() + lim["mem_bytes"],) * 2)
        resource.setrlimit(resource.RLIMIT_FSIZE, (lim["fsize_bytes"],) * 2)
        resource.setrlimit(resource.RLIMIT_NOFILE, (lim["nofile"],) * 2)
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        if req["sandbox"]:
            resource.setrlimit(resource.RLIMIT_NPROC, (lim["nproc"],) * 2)
            drop_capabilities()
        sys.stdin = open(os.devnull)
        sys.stdout = os.fdopen(1, "w", buffering=1 << 16, errors="replace", closefd=False)
        sys.stderr = os.fdopen(2, "w", buffering=1 << 16, errors="replace", closefd=False)
    except BaseException as e:
        try:
            os.dup2(res_w, 3)
            write_record({"internal": "sandbox setup failed: %s" % e})
        finally:
            _exit(0)
    run_submission(req)


def run_submission(req):
    # Processes the submission forks inherit the results pipe; only the
    # runner itself may write to it.
    runner_pid = os.getpid()

    def mine():
        if os.getpid() != runner_pid:
            _exit(0)

    try:
        code = compile(req["code"], "solution.py", "exec", dont_inherit=True)
    except (SyntaxError, ValueError) as e:
        write_record({"syntax_error": "".join(traceback.format_exception_only(type(e), e))[-4000:]})
        flush_and_exit()
    namespace = {"__name__": "solution", "__builtins__": builtins}
    try:
        exec(code, namespace)
        mine()
    except BaseException as e:
        mine()
        write_record({"load_error": user_traceback(e), "mle": isinstance(e, MemoryError)})
        flush_and_exit()
    fn = namespace.get(req["entry"])
    if not callable(fn):
        write_record({"load_error": "solution.py does not define a function named %s" % req["entry"]})
        flush_and_exit()
    for i, case in enumerate(req["cases"]):
        seed = case.get("seed", 0)
        random.seed(seed)
        numpy.random.seed(seed)
        values = []
        started = time.perf_counter()
        try:
            for call in case["calls"]:
                args = decode(call.get("args", []))
                kwargs = {k: decode(v) for k, v in call.get("kwargs", {}).items()}
                values.append(fn(*args, **kwargs))
                mine()
            ms = (time.perf_counter() - started) * 1000
            _budget[0] = MAX_ELEMENTS
            try:
                encoded = [encode(v) for v in values]
                rec = {"i": i, "values": encoded, "ms": ms}
            except TooLarge:
                rec = {"i": i, "ole": True, "ms": ms}
        except BaseException as e:
            mine()
            rec = {"i": i, "error": user_traceback(e), "mle": isinstance(e, MemoryError),
                   "ms": (time.perf_counter() - started) * 1000}
        try:
            write_record(rec)
        except BaseException as e:
            write_record({"i": i, "error": "the returned value could not be sent back: %s" % type(e).__name__})
    write_record({"done": True})
    flush_and_exit()


def flush_and_exit():
    for s in (sys.stdout, sys.stderr):
        try:
            s.flush()
        except BaseException:
            pass
    _exit(0)


# ---- the monitor: one per submission, relays the runner's results ----------

def monitor(req):
    lim = req["limits"]
    if req["sandbox"]:
        check(libc.unshare(CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWIPC), "unshare")
    res_r, res_w = os.pipe()
    out_r, out_w = os.pipe()
    started = time.monotonic()
    pid = os.fork()
    if pid == 0:
        os.close(res_r)
        os.close(out_r)
        try:
            runner(req, res_w, out_w)
        finally:
            _exit(0)
    os.close(res_w)
    os.close(out_w)
    deadline = started + lim["wall_s"]
    res, out = [], []
    res_len = out_len = 0
    timeout = False
    ole = None
    open_fds = {res_r, out_r}
    while open_fds:
        left = deadline - time.monotonic()
        if left <= 0:
            timeout = True
            break
        ready, _, _ = select.select(list(open_fds), [], [], left)
        for fd in ready:
            chunk = os.read(fd, 1 << 16)
            if not chunk:
                open_fds.discard(fd)
                continue
            if fd == res_r:
                res_len += len(chunk)
                if res_len > lim["result_bytes"]:
                    ole = "result"
                else:
                    res.append(chunk)
            else:
                out_len += len(chunk)
                if out_len > lim["output_bytes"]:
                    ole = "output"
                elif sum(len(c) for c in out) < 8192:
                    out.append(chunk)
        if ole:
            break
    if timeout or ole:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    _, status, usage = os.wait4(pid, 0)
    if not req["sandbox"]:
        try:
            os.killpg(pid, signal.SIGKILL)
        except OSError:
            pass
    wall_ms = (time.monotonic() - started) * 1000
    body = b"".join(res)
    head = {
        "exit": os.waitstatus_to_exitcode(status),
        "timeout": timeout,
        "ole": ole,
        "cpu_ms": (usage.ru_utime + usage.ru_stime) * 1000,
        "wall_ms": wall_ms,
        "maxrss_kb": usage.ru_maxrss,
        "out": b"".join(out)[:8192].decode("utf-8", "replace"),
        "out_bytes": out_len,
        "res_len": len(body),
    }
    sys.stdout.buffer.write((_dumps(head) + "\n").encode() + body)
    sys.stdout.buffer.flush()


def serve():
    gc.freeze()
    libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)
    info = {"ready": True, "python": sys.version.split()[0], "numpy": numpy.__version__}
    sys.stdout.write(_dumps(info) + "\n")
    sys.stdout.flush()
    stdin = sys.stdin.buffer
    while True:
        line = stdin.readline()
        if not line:
            return
        try:
            req = _loads(line)
        except ValueError:
            sys.stdout.write(_dumps({"internal": "unreadable request"}) + "\n")
            sys.stdout.flush()
            continue
        pid = os.fork()
        if pid == 0:
            try:
                monitor(req)
                code = 0
            except BaseException as e:
                try:
                    sys.stdout.write(_dumps({"internal": "monitor failed: %s" % e}) + "\n")
                    sys.stdout.flush()
                except BaseException:
                    pass
                code = 1
            _exit(code)
        _, status = os.waitpid(pid, 0)
        if os.waitstatus_to_exitcode(status) not in (0, 1):
            sys.stdout.write(_dumps({"internal": "monitor died (status %d)" % status}) + "\n")
            sys.stdout.flush()


if __name__ == "__main__":
    serve()
