package judge

import (
	"bufio"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

//go:embed harness.py
var harnessSource []byte

// Python is the interpreter the judge runs: Debian's, which python3-numpy
// installs into. Another python3 earlier on PATH (pyenv, conda) may lack numpy.
const Python = "/usr/bin/python3"

// Limits bound one submission. The defaults are 2 s of CPU and 512 MiB.
type Limits struct {
	CPUSeconds  int     `json:"cpu_s"`
	WallSeconds float64 `json:"wall_s"`
	MemoryBytes int64   `json:"mem_bytes"`
	OutputBytes int64   `json:"output_bytes"` // the user's prints, stdout and stderr together
	ResultBytes int64   `json:"result_bytes"` // the encoded return values
	TmpBytes    int64   `json:"tmp_bytes"`
	FileBytes   int64   `json:"fsize_bytes"`
	Processes   int     `json:"nproc"`
	OpenFiles   int     `json:"nofile"`
}

// DefaultLimits are the limits of every submission unless a problem asks for
// more CPU time.
func DefaultLimits() Limits {
	return Limits{
		CPUSeconds:  2,
		WallSeconds: 5,
		MemoryBytes: 512 << 20,
		OutputBytes: 1 << 20,
		ResultBytes: 16 << 20,
		TmpBytes:    16 << 20,
		FileBytes:   8 << 20,
		Processes:   64,
		OpenFiles:   64,
	}
}

// Describe lists the limits a run enforces, for the result.
func (l Limits) Describe(sandboxed bool) []string {
	out := []string{
		fmt.Sprintf("cpu time %d s (RLIMIT_CPU)", l.CPUSeconds),
		fmt.Sprintf("wall clock %.0f s (killed)", l.WallSeconds),
		fmt.Sprintf("memory %d MiB address space (RLIMIT_AS)", l.MemoryBytes>>20),
		fmt.Sprintf("output %d KiB", l.OutputBytes>>10),
		fmt.Sprintf("file size %d MiB (RLIMIT_FSIZE)", l.FileBytes>>20),
		fmt.Sprintf("open files %d (RLIMIT_NOFILE)", l.OpenFiles),
	}
	if sandboxed {
		out = append(out,
			fmt.Sprintf("processes %d (RLIMIT_NPROC)", l.Processes),
			"no network (network namespace)",
			fmt.Sprintf("read-only system, private %d MiB /tmp (mount namespace)", l.TmpBytes>>20),
			"private PID, IPC and UTS namespaces; no capabilities",
		)
	}
	return out
}

// ErrUnavailable wraps every reason the judge cannot run at all.
var ErrUnavailable = errors.New("judge unavailable")

// worker is one warm Python process (in its sandbox) with numpy imported. It
// serves one submission at a time and forks a fresh child for each.
type worker struct {
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	stdout *bufio.Reader
	stderr *cappedBuffer
	info   workerInfo
	done   chan struct{} // closed when the process has exited
}

type workerInfo struct {
	Ready  bool   `json:"ready"`
	Python string `json:"python"`
	Numpy  string `json:"numpy"`
}

// sandboxArgs builds bubblewrap's command line: every namespace unshared, the
// system bound read-only, a small private /tmp, no environment but what numpy
// needs, BLAS pinned to one thread, and the harness passed in by file
// descriptor so no host path is involved.
func sandboxArgs(bwrap string, l Limits) []string {
	args := []string{bwrap,
		"--unshare-all", "--unshare-user", "--disable-userns",
		"--die-with-parent", "--new-session",
		"--ro-bind", "/usr", "/usr",
	}
	for _, name := range []string{"bin", "sbin", "lib", "lib32", "lib64", "libx32"} {
		p := "/" + name
		fi, err := os.Lstat(p)
		switch {
		case err != nil:
		case fi.Mode()&os.ModeSymlink != 0:
			if target, err := os.Readlink(p); err == nil {
				args = append(args, "--symlink", target, p)
			}
		case fi.IsDir():
			args = append(args, "--ro-bind", p, p)
		}
	}
	args = append(args,
		// Debian's numpy finds its BLAS through /etc/alternatives.
		"--ro-bind-try", "/etc/alternatives", "/etc/alternatives",
		"--ro-bind-try", "/etc/ld.so.cache", "/etc/ld.so.cache",
		"--ro-bind-data", "3", "/w/harness.py",
		"--proc", "/proc", "--dev", "/dev",
		"--size", strconv.FormatInt(l.TmpBytes, 10), "--tmpfs", "/tmp",
		"--remount-ro", "/",
		"--uid", "65534", "--gid", "65534", "--hostname", "judge",
		"--chdir", "/tmp",
		"--clearenv",
		"--setenv", "PATH", "/usr/bin:/bin",
		"--setenv", "HOME", "/tmp",
		"--setenv", "LANG", "C.UTF-8",
		"--setenv", "PYTHONDONTWRITEBYTECODE", "1",
		"--setenv", "OPENBLAS_NUM_THREADS", "1",
		"--setenv", "OMP_NUM_THREADS", "1",
		"--setenv", "MKL_NUM_THREADS", "1",
		// The harness needs CAP_SYS_ADMIN inside its own user namespace to give
		// each submission fresh namespaces; it drops every capability before
		// the submission's code runs.
		"--cap-add", "ALL",
		Python, "-I", "/w/harness.py",
	)
	return args
}

// ColdCommand is the sandbox the workers run in, running python3 with args
// instead of the harness: for measuring what a cold start costs.
func ColdCommand(pyArgs ...string) ([]string, error) {
	bwrap := findBwrap()
	if bwrap == "" {
		return nil, fmt.Errorf("%w: bubblewrap is not installed", ErrUnavailable)
	}
	args := sandboxArgs(bwrap, DefaultLimits())
	args = args[:len(args)-3]
	for i, a := range args {
		if a == "--ro-bind-data" {
			args = append(args[:i:i], args[i+3:]...)
			break
		}
	}
	return append(append(args, Python, "-I"), pyArgs...), nil
}

// startWorker starts one worker and waits until numpy is imported.
func startWorker(sandboxed bool, bwrap string, l Limits) (*worker, error) {
	w := &worker{stderr: &cappedBuffer{max: 16 << 10}, done: make(chan struct{})}
	var cmd *exec.Cmd
	if sandboxed {
		args := sandboxArgs(bwrap, l)
		cmd = exec.Command(args[0], args[1:]...)
		r, wr, err := os.Pipe()
		if err != nil {
			return nil, err
		}
		cmd.ExtraFiles = []*os.File{r}
		go func() {
			wr.Write(harnessSource)
			wr.Close()
		}()
		defer r.Close()
		cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
		if os.Geteuid() == 0 {
			// As root, run the sandbox as nobody, so that its process limit
			// is counted and enforced like any unprivileged user's.
			cmd.SysProcAttr.Credential = &syscall.Credential{Uid: 65534, Gid: 65534}
		}
	} else {
		cmd = exec.Command(Python, "-I", "-c", string(harnessSource))
		cmd.Env = []string{"PATH=/usr/bin:/bin", "LANG=C.UTF-8", "PYTHONDONTWRITEBYTECODE=1",
			"OPENBLAS_NUM_THREADS=1", "OMP_NUM_THREADS=1", "MKL_NUM_THREADS=1", "HOME=" + os.TempDir()}
		cmd.Dir = os.TempDir()
		cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	}
	cmd.Stderr = w.stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("%w: start %s: %v", ErrUnavailable, cmd.Path, err)
	}
	w.cmd, w.stdin, w.stdout = cmd, stdin, bufio.NewReaderSize(stdout, 1<<16)
	go func() {
		cmd.Wait()
		close(w.done)
	}()
	type ready struct {
		line []byte
		err  error
	}
	ch := make(chan ready, 1)
	go func() {
		line, err := w.stdout.ReadBytes('\n')
		ch <- ready{line, err}
	}()
	select {
	case r := <-ch:
		if r.err == nil && json.Unmarshal(r.line, &w.info) == nil && w.info.Ready {
			return w, nil
		}
	case <-time.After(10 * time.Second):
	}
	w.kill()
	<-w.done
	return nil, w.startError(sandboxed)
}

// startError explains why a worker did not become ready, in terms of what to
// install or change.
func (w *worker) startError(sandboxed bool) error {
	msg := strings.TrimSpace(w.stderr.String())
	switch {
	case strings.Contains(msg, "No module named 'numpy'"):
		return fmt.Errorf("%w: numpy is not installed for %s; install it with: sudo apt-get install python3-numpy", ErrUnavailable, Python)
	case sandboxed && (strings.Contains(msg, "Operation not permitted") || strings.Contains(msg, "No permissions") || strings.Contains(msg, "setting up uid map")):
		return fmt.Errorf("%w: bubblewrap could not create a sandbox here (%s); user namespaces may be disabled. Run with --no-sandbox only if you trust the code", ErrUnavailable, lastLine(msg))
	case msg != "":
		return fmt.Errorf("%w: the judge's Python did not start: %s", ErrUnavailable, lastLine(msg))
	}
	return fmt.Errorf("%w: the judge's Python did not start", ErrUnavailable)
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return lines[len(lines)-1]
}

// kill ends the worker and everything in its sandbox.
func (w *worker) kill() {
	if w.cmd.Process != nil {
		syscall.Kill(-w.cmd.Process.Pid, syscall.SIGKILL)
		w.cmd.Process.Kill()
	}
}

func (w *worker) alive() bool {
	select {
	case <-w.done:
		return false
	default:
		return true
	}
}

// runHeader is the monitor's account of one run; the results follow it.
type runHeader struct {
	Internal string  `json:"internal"`
	Exit     int     `json:"exit"`
	Timeout  bool    `json:"timeout"`
	OLE      string  `json:"ole"`
	CPUms    float64 `json:"cpu_ms"`
	Wallms   float64 `json:"wall_ms"`
	MaxRSSkb int64   `json:"maxrss_kb"`
	Out      string  `json:"out"`
	OutBytes int64   `json:"out_bytes"`
	ResLen   int64   `json:"res_len"`
}

// run sends one request and reads the monitor's header and the results. A
// worker that fails to answer in time is killed; the caller replaces it.
func (w *worker) run(req []byte, l Limits) (runHeader, []byte, error) {
	var h runHeader
	type answer struct {
		h    runHeader
		body []byte
		err  error
	}
	ch := make(chan answer, 1)
	go func() {
		var a answer
		defer func() { ch <- a }()
		if _, err := w.stdin.Write(req); err != nil {
			a.err = err
			return
		}
		line, err := w.stdout.ReadBytes('\n')
		if err != nil {
			a.err = err
			return
		}
		if err := json.Unmarshal(line, &a.h); err != nil {
			a.err = fmt.Errorf("unreadable answer from the worker")
			return
		}
		if a.h.Internal != "" {
			a.err = errors.New(a.h.Internal)
			return
		}
		if a.h.ResLen < 0 || a.h.ResLen > l.ResultBytes {
			a.err = fmt.Errorf("result of %d bytes over the cap", a.h.ResLen)
			return
		}
		a.body = make([]byte, a.h.ResLen)
		_, a.err = io.ReadFull(w.stdout, a.body)
	}()
	grace := time.Duration(l.WallSeconds*float64(time.Second)) + 3*time.Second
	select {
	case a := <-ch:
		return a.h, a.body, a.err
	case <-time.After(grace):
		w.kill()
		return h, nil, fmt.Errorf("the worker did not answer within %s", grace)
	}
}

// cappedBuffer keeps the first max bytes written to it.
type cappedBuffer struct {
	mu  sync.Mutex
	buf []byte
	max int
}

func (b *cappedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if room := b.max - len(b.buf); room > 0 {
		if len(p) < room {
			room = len(p)
		}
		b.buf = append(b.buf, p[:room]...)
	}
	return len(p), nil
}

func (b *cappedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return string(b.buf)
}

// findBwrap returns bubblewrap's path, or "" when it is not installed.
func findBwrap() string {
	for _, p := range []string{"/usr/bin/bwrap", "/usr/local/bin/bwrap"} {
		if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
			return p
		}
	}
	if p, err := exec.LookPath("bwrap"); err == nil {
		abs, _ := filepath.Abs(p)
		return abs
	}
	return ""
}
