package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"runtime"
	"strings"
	"time"

	"github.com/offerloop/offerloop/internal/drill"
	"github.com/offerloop/offerloop/internal/judge"
	"github.com/offerloop/offerloop/internal/tracker"
	"github.com/offerloop/offerloop/internal/web"
)

const serveUsage = `usage: offerloop serve [--addr HOST:PORT] [--db FILE] [--log-format text|json]
                      [--judge-workers N] [--no-sandbox]

Runs the web app, by default on http://127.0.0.1:8080 (only this machine can
reach it). The database is created and migrated on first start.

  --addr           where to listen (OFFERLOOP_ADDR; default 127.0.0.1:8080). A
                   port of 0 picks a free one. Listening beyond 127.0.0.1
                   exposes your data to the network: there is no login in
                   local mode.
  --db             the database file (OFFERLOOP_DB; default in your user data
                   directory)
  --judge-workers  warm Python workers the ML coding judge keeps ready, so
                   that many runs grade at once (default: one per CPU)
  --no-sandbox     run submissions without bubblewrap: only for code you trust

The problem pages (/problems) grade code in Debian's python3 with numpy inside
bubblewrap (sudo apt-get install python3-numpy bubblewrap). Without them the
server still starts, and the pages say what is missing instead of running code.

The CLI can write to the same database while the server runs.
`

func runServe(ctx context.Context, e *env, args []string) error {
	f := newFlags(e, "serve", serveUsage, false)
	addr := f.String("addr", "", "listen address")
	logFormat := f.String("log-format", "text", "text or json")
	workers := f.Int("judge-workers", runtime.NumCPU(), "warm judge workers")
	noSandbox := f.Bool("no-sandbox", false, "run submissions without bubblewrap")
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("serve takes no arguments; unexpected %q", pos[0])
	}
	if *workers < 1 || *workers > 64 {
		return usagef("--judge-workers must be between 1 and 64, not %d", *workers)
	}
	if *addr == "" {
		*addr = e.getenv("OFFERLOOP_ADDR")
	}
	if *addr == "" {
		*addr = "127.0.0.1:8080"
	}
	var log *slog.Logger
	switch *logFormat {
	case "text":
		log = slog.New(slog.NewTextHandler(e.stderr, nil))
	case "json":
		log = slog.New(slog.NewJSONHandler(e.stderr, nil))
	default:
		return usagef("--log-format is text or json, not %q", *logFormat)
	}
	s, err := f.open(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
	inst, err := tracker.InstanceID(ctx, s.db, s.user.ID)
	if err != nil {
		return err
	}
	bank, err := drill.LoadBank()
	if err != nil {
		return err
	}
	dr := &drill.Drill{Store: s.db, Bank: bank, Now: s.now, Loc: s.loc}
	jc := &web.JudgeConfig{Store: s.db}
	if jc.Judge, jc.Err = judge.New(judge.Options{Workers: *workers, NoSandbox: *noSandbox}); jc.Err != nil {
		log.Warn("the judge is off: the problem pages will not run code", "err", jc.Err)
	} else {
		defer jc.Judge.Close()
		if *noSandbox {
			log.Warn("the judge runs submissions without a sandbox (--no-sandbox): run only code you trust")
		}
		// The workers warm up in the background; say so if they cannot.
		go func() {
			wait, cancel := context.WithTimeout(ctx, time.Minute)
			defer cancel()
			if err := jc.Judge.Ready(wait); err != nil && ctx.Err() == nil {
				log.Warn("the judge cannot start its Python workers; runs will fail until this is fixed", "err", err)
			}
		}()
	}
	srv, err := web.New(web.Config{Now: s.now, Loc: s.loc, Instance: inst, Drill: dr, Judge: jc, Practice: s.db, Resume: s.db, Kit: s.db, Takehome: s.db}, s.db, log)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", *addr, err)
	}
	hs := &http.Server{
		Handler:           srv,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	url := "http://" + ln.Addr().String()
	if strings.HasPrefix(ln.Addr().String(), "[::]") || strings.HasPrefix(ln.Addr().String(), "0.0.0.0") {
		log.Warn("listening on every interface: anyone on the network can read and change your data")
	}
	fmt.Fprintf(e.stdout, "offerloop is running at %s (database %s)\n", url, s.db.Path())
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := hs.Shutdown(shutdown); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
