package judge

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"time"
)

// Verdicts, per case and overall.
const (
	Accepted        = "accepted"
	WrongAnswer     = "wrong_answer"
	RuntimeError    = "runtime_error"
	TimeLimit       = "time_limit_exceeded"
	MemoryLimit     = "memory_limit_exceeded"
	OutputLimit     = "output_limit_exceeded"
	SyntaxError     = "syntax_error"
	InternalError   = "internal_error"
	Skipped         = "skipped" // per case only: not run after a fatal event
	MaxSourceLength = 64 << 10
)

// Options configure a Judge.
type Options struct {
	Workers   int  // warm workers kept ready; 0 means one per CPU
	NoSandbox bool // run without bubblewrap (only for code you trust)
	Limits    Limits
}

// Judge grades submissions on a pool of warm workers. It is safe for
// concurrent use; submissions beyond the pool size wait for a worker.
type Judge struct {
	opts    Options
	bwrap   string
	mode    string
	idle    chan *worker
	slots   chan struct{} // one per worker, running or starting
	mu      sync.Mutex
	info    workerInfo
	lastErr error
	closed  bool
	wg      sync.WaitGroup
}

// New starts a judge and begins warming its workers in the background. It
// fails at once only when no sandbox is available and NoSandbox is not set.
func New(opts Options) (*Judge, error) {
	if opts.Workers <= 0 {
		opts.Workers = runtime.NumCPU()
	}
	if opts.Limits == (Limits{}) {
		opts.Limits = DefaultLimits()
	}
	j := &Judge{opts: opts, idle: make(chan *worker, opts.Workers), slots: make(chan struct{}, opts.Workers)}
	if fi, err := os.Stat(Python); err != nil || fi.IsDir() {
		return nil, fmt.Errorf("%w: %s is missing; install Debian's Python with numpy: sudo apt-get install python3 python3-numpy", ErrUnavailable, Python)
	}
	if !opts.NoSandbox {
		j.bwrap = findBwrap()
		if j.bwrap == "" {
			return nil, fmt.Errorf("%w: no sandbox: bubblewrap is not installed (sudo apt-get install bubblewrap); pass --no-sandbox only to run code you trust", ErrUnavailable)
		}
		j.mode = "bubblewrap"
	} else {
		j.mode = "none"
	}
	for i := 0; i < opts.Workers; i++ {
		j.slots <- struct{}{}
		j.refill()
	}
	return j, nil
}

// Sandbox names the isolation in use: "bubblewrap" or "none".
func (j *Judge) Sandbox() string { return j.mode }

// Workers is the pool size.
func (j *Judge) Workers() int { return j.opts.Workers }

// refill starts one worker in the background and puts it in the idle pool.
func (j *Judge) refill() {
	j.wg.Add(1)
	go func() {
		defer j.wg.Done()
		w, err := startWorker(j.mode == "bubblewrap", j.bwrap, j.opts.Limits)
		j.mu.Lock()
		defer j.mu.Unlock()
		if err != nil {
			j.lastErr = err
			<-j.slots // give the slot back; a later submission retries
			return
		}
		j.lastErr = nil
		j.info = w.info
		if j.closed {
			w.kill()
			<-j.slots
			return
		}
		j.idle <- w
	}()
}

// acquire returns an idle worker, starting one when the pool has room.
func (j *Judge) acquire(ctx context.Context) (*worker, error) {
	for {
		select {
		case w := <-j.idle:
			if w.alive() {
				return w, nil
			}
			j.retire(w)
			continue
		default:
		}
		select {
		case w := <-j.idle:
			if w.alive() {
				return w, nil
			}
			j.retire(w)
		case j.slots <- struct{}{}:
			w, err := startWorker(j.mode == "bubblewrap", j.bwrap, j.opts.Limits)
			if err != nil {
				<-j.slots
				j.mu.Lock()
				j.lastErr = err
				j.mu.Unlock()
				return nil, err
			}
			j.mu.Lock()
			j.info = w.info
			j.mu.Unlock()
			return w, nil
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
}

// release returns a healthy worker to the pool.
func (j *Judge) release(w *worker) {
	j.mu.Lock()
	closed := j.closed
	j.mu.Unlock()
	if !closed && w.alive() {
		j.idle <- w
		return
	}
	j.retire(w)
}

// retire kills a worker and starts its replacement in the background.
func (j *Judge) retire(w *worker) {
	w.kill()
	<-j.slots
	j.mu.Lock()
	closed := j.closed
	j.mu.Unlock()
	if !closed {
		j.slots <- struct{}{}
		j.refill()
	}
}

// Ready waits until at least one worker has imported numpy, or reports why
// none could.
func (j *Judge) Ready(ctx context.Context) error {
	for {
		select {
		case w := <-j.idle:
			j.idle <- w
			return nil
		default:
		}
		j.mu.Lock()
		err := j.lastErr
		j.mu.Unlock()
		if err != nil {
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(5 * time.Millisecond):
		}
	}
}

// Close stops every worker.
func (j *Judge) Close() {
	j.mu.Lock()
	j.closed = true
	j.mu.Unlock()
	j.wg.Wait()
	for {
		select {
		case w := <-j.idle:
			w.kill()
			<-w.done
		default:
			return
		}
	}
}

// Result is one graded submission.
type Result struct {
	Problem  string       `json:"problem"`
	Verdict  string       `json:"verdict"`
	Passed   int          `json:"passed"`
	Total    int          `json:"total"`
	TimeMS   float64      `json:"time_ms"`
	CPUMS    float64      `json:"cpu_ms"`
	MemoryKB int64        `json:"memory_kb,omitempty"`
	Message  string       `json:"message,omitempty"`
	Output   string       `json:"output,omitempty"` // the first 8 KiB the code printed
	Cases    []CaseResult `json:"cases"`
	Sandbox  string       `json:"sandbox"`
	Limits   []string     `json:"limits"`
	Python   string       `json:"python,omitempty"`
	Numpy    string       `json:"numpy,omitempty"`
}

// CaseResult is one case's verdict. Hidden cases carry a name, a verdict and
// a time, never their data.
type CaseResult struct {
	Name    string  `json:"name"`
	Hidden  bool    `json:"hidden"`
	Verdict string  `json:"verdict"`
	TimeMS  float64 `json:"time_ms"`
	Message string  `json:"message,omitempty"`
}

// record is one line the runner wrote. Everything in it is untrusted.
type record struct {
	I           *int              `json:"i"`
	Values      []json.RawMessage `json:"values"`
	Error       *string           `json:"error"`
	MLE         bool              `json:"mle"`
	OLE         bool              `json:"ole"`
	MS          float64           `json:"ms"`
	SyntaxError *string           `json:"syntax_error"`
	LoadError   *string           `json:"load_error"`
	Internal    *string           `json:"internal"`
	Done        bool              `json:"done"`
}

// Grade runs code against every case of p and returns the verdict. An error
// is returned only when the judge itself cannot run; a failing submission is
// a Result.
func (j *Judge) Grade(ctx context.Context, p *Problem, code string) (*Result, error) {
	res := &Result{Problem: p.ID, Total: len(p.Cases), Sandbox: j.mode}
	lim := j.opts.Limits
	if p.CPUSeconds > lim.CPUSeconds {
		lim.CPUSeconds = p.CPUSeconds
		lim.WallSeconds += float64(p.CPUSeconds - j.opts.Limits.CPUSeconds)
	}
	res.Limits = lim.Describe(j.mode == "bubblewrap")
	if len(code) > MaxSourceLength {
		return j.fatal(res, p, SyntaxError, fmt.Sprintf("the code is %d KiB; the limit is %d KiB", len(code)>>10, MaxSourceLength>>10)), nil
	}
	if strings.ContainsRune(code, 0) || !utf8Valid(code) {
		return j.fatal(res, p, SyntaxError, "the code is not valid UTF-8 text"), nil
	}
	req, err := buildRequest(p, code, lim, j.mode == "bubblewrap")
	if err != nil {
		return nil, err
	}
	started := time.Now()
	var h runHeader
	var body []byte
	for attempt := 0; ; attempt++ {
		w, err := j.acquire(ctx)
		if err != nil {
			return nil, err
		}
		res.Python, res.Numpy = w.info.Python, w.info.Numpy
		h, body, err = w.run(req, lim)
		if err == nil {
			j.release(w)
			break
		}
		// The worker itself failed (it was killed, or its monitor broke):
		// retire it; retry once on a fresh one before blaming the judge.
		j.retire(w)
		if attempt == 1 || ctx.Err() != nil {
			res.TimeMS = ms(time.Since(started))
			return j.fatal(res, p, InternalError, "the judge failed: "+err.Error()), nil
		}
	}
	res.TimeMS = ms(time.Since(started))
	res.CPUMS = h.CPUms
	res.MemoryKB = h.MaxRSSkb
	res.Output = h.Out
	j.assemble(res, p, h, body, lim)
	return res, nil
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func buildRequest(p *Problem, code string, lim Limits, sandboxed bool) ([]byte, error) {
	var b bytes.Buffer
	codeJSON, err := json.Marshal(code)
	if err != nil {
		return nil, err
	}
	limJSON, _ := json.Marshal(lim)
	entryJSON, _ := json.Marshal(p.Entry)
	b.WriteString(`{"code":`)
	b.Write(codeJSON)
	b.WriteString(`,"entry":`)
	b.Write(entryJSON)
	b.WriteString(`,"limits":`)
	b.Write(limJSON)
	fmt.Fprintf(&b, `,"sandbox":%t,"cases":`, sandboxed)
	b.Write(p.wireCases)
	b.WriteString("}\n")
	return b.Bytes(), nil
}

// fatal marks every case with one submission-level verdict.
func (j *Judge) fatal(res *Result, p *Problem, verdict, msg string) *Result {
	res.Verdict, res.Message, res.Passed = verdict, msg, 0
	res.Cases = res.Cases[:0]
	for _, c := range p.Cases {
		res.Cases = append(res.Cases, CaseResult{Name: c.Name, Hidden: !c.Visible, Verdict: verdict})
	}
	return res
}

// assemble turns the runner's records and the monitor's header into verdicts.
func (j *Judge) assemble(res *Result, p *Problem, h runHeader, body []byte, lim Limits) {
	recs := map[int]record{}
	done := false
	for _, line := range bytes.Split(body, []byte("\n")) {
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		var r record
		if json.Unmarshal(line, &r) != nil {
			continue
		}
		switch {
		case r.Internal != nil:
			j.fatal(res, p, InternalError, "the sandbox could not be set up: "+*r.Internal)
			return
		case r.SyntaxError != nil:
			j.fatal(res, p, SyntaxError, *r.SyntaxError)
			return
		case r.LoadError != nil:
			v := RuntimeError
			if r.MLE {
				v = MemoryLimit
			}
			j.fatal(res, p, v, *r.LoadError)
			return
		case r.Done:
			done = true
		case r.I != nil && *r.I >= 0 && *r.I < len(p.Cases):
			if _, seen := recs[*r.I]; !seen {
				recs[*r.I] = r
			}
		}
	}
	stopped := false
	for i, c := range p.Cases {
		cr := CaseResult{Name: c.Name, Hidden: !c.Visible}
		r, ok := recs[i]
		switch {
		case stopped:
			cr.Verdict = Skipped
			cr.Message = "not run: the submission stopped at an earlier case"
		case !ok:
			cr.Verdict, cr.Message = stopReason(h, done, lim.CPUSeconds)
			stopped = true
		case r.OLE:
			cr.Verdict, cr.Message, cr.TimeMS = OutputLimit, "returned a value too large to send back", r.MS
		case r.Error != nil:
			cr.Verdict, cr.Message, cr.TimeMS = RuntimeError, *r.Error, r.MS
			if r.MLE {
				cr.Verdict = MemoryLimit
				cr.Message = "ran out of memory (the limit is an address space of " + fmt.Sprint(j.opts.Limits.MemoryBytes>>20) + " MiB)\n" + *r.Error
			}
		default:
			cr.TimeMS = r.MS
			cr.Verdict, cr.Message = compareCase(c, r.Values)
		}
		if cr.Verdict == Accepted {
			res.Passed++
		} else if res.Verdict == "" {
			res.Verdict = cr.Verdict
		}
		res.Cases = append(res.Cases, cr)
	}
	if res.Verdict == "" {
		res.Verdict = Accepted
	}
}

// stopReason explains why the runner produced no record for a case.
func stopReason(h runHeader, done bool, cpuLimit int) (string, string) {
	sig := syscall.Signal(-h.Exit)
	switch {
	case h.OLE == "output":
		return OutputLimit, "printed more than the output limit"
	case h.OLE == "result":
		return OutputLimit, "returned a value too large to send back"
	case h.Timeout:
		return TimeLimit, "still running when the wall-clock limit was reached"
	case h.Exit < 0 && (sig == syscall.SIGXCPU || sig == syscall.SIGKILL && h.CPUms >= float64(cpuLimit)*1000):
		return TimeLimit, "used more than the CPU time limit"
	case h.Exit < 0 && sig == syscall.SIGXFSZ:
		return OutputLimit, "wrote a file larger than the file size limit"
	case h.Exit < 0:
		return RuntimeError, fmt.Sprintf("the process crashed (%s)", sig)
	case done:
		return RuntimeError, "no result was returned"
	}
	return RuntimeError, fmt.Sprintf("the process exited (status %d) before returning; sys.exit and os._exit end the run", h.Exit)
}

// compareCase decodes the submission's values and runs the case's check.
func compareCase(c Case, raw []json.RawMessage) (string, string) {
	if len(raw) != len(c.Expected) {
		return WrongAnswer, "the function returned the wrong number of results"
	}
	got := make([]Value, len(raw))
	for i, r := range raw {
		v, err := DecodeValue(r)
		if err != nil {
			return WrongAnswer, "the return value could not be read: " + err.Error()
		}
		got[i] = v
	}
	err := runCheck(CheckInput{Spec: c.Check, Calls: c.Calls, Got: got, Want: c.Expected, Extra: c.Extra})
	if err != nil {
		msg := err.Error()
		if !c.Visible {
			msg = hideNumbers(msg)
		}
		return WrongAnswer, msg
	}
	return Accepted, ""
}

// hideNumbers keeps a hidden case's message to its shape of the mistake: the
// expected values of hidden cases are not shown.
func hideNumbers(msg string) string {
	if i := strings.Index(msg, ": expected "); i >= 0 && !strings.Contains(msg, "shape") {
		return msg[:i] + " differs from the expected value"
	}
	return msg
}

var errNoProblem = errors.New("no such problem")

func utf8Valid(s string) bool { return strings.ToValidUTF8(s, "\uFFFD") == s }
