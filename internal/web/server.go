// Package web serves offerloop's tracker as a server-rendered web app and a JSON
// API. It renders what the tracker package computes and calls the store; the
// rules of the interview loop live in tracker, not here.
package web

import (
	"context"
	"errors"
	"fmt"
	"html/template"
	"log/slog"
	"net/http"
	"runtime/debug"
	"sync/atomic"
	"time"

	"github.com/offerloop/offerloop/internal/drill"
	"github.com/offerloop/offerloop/internal/judge"
	"github.com/offerloop/offerloop/internal/kit"
	"github.com/offerloop/offerloop/internal/practice"
	"github.com/offerloop/offerloop/internal/resume"
	"github.com/offerloop/offerloop/internal/takehome"
	"github.com/offerloop/offerloop/internal/tracker"
)

// Config holds what the server needs from its environment.
type Config struct {
	// Now is the clock; time.Now when nil.
	Now func() time.Time
	// Loc is the user's time zone for dates, "today" and checklists; time.Local when nil.
	Loc *time.Location
	// MaxUpload caps an import upload in bytes; 5 MiB when zero.
	MaxUpload int64
	// Instance identifies this database in calendar UIDs; when empty, the id
	// tracker.InstanceID keeps in the database is used.
	Instance string
	// VersionFresh is how long a read of the data version is trusted before
	// cached pages are checked against the store again; DefaultVersionFresh
	// when zero, and every request reads it when negative.
	VersionFresh time.Duration
	// NoPageCache renders every request afresh, to measure rendering.
	NoPageCache bool
	// Drill is the spaced-repetition review service behind /drill, /cards and
	// /api/drill; nil turns those pages into a notice that the drill is off.
	// Its Now and Loc default to the server's, and its Interviews to the
	// tracker's pending interviews.
	Drill *drill.Drill
	// Judge is the ML coding judge behind /problems and /api/judge; nil
	// turns those pages into a notice that the judge is off.
	Judge *JudgeConfig
	// Practice is the store behind the practice pages (/stories, /design,
	// /plan, /mock); nil turns them into a notice that practice is off.
	Practice practice.Store
	// Resume is the store of resume checks behind /resume and the
	// application page's resume panel; nil turns them off.
	Resume resume.Store
	// Kit is the store of each application's cover letter and pitch, behind
	// the kit pages; nil turns them off.
	Kit kit.Store
	// Takehome is the store of take-home reports behind /takehome and the
	// application page's take-home panel; nil turns them off.
	Takehome takehome.Store
}

// JudgeConfig is what the problem pages need: the judge that grades (nil when
// it could not start, with Err saying why) and the store of attempts.
type JudgeConfig struct {
	Judge *judge.Judge
	Err   error
	Store judge.Store
}

// DefaultMaxUpload is the import size limit when Config.MaxUpload is zero.
const DefaultMaxUpload = 5 << 20

// Server is the web app. It is safe for concurrent use.
type Server struct {
	cfg    Config
	store  tracker.Store
	log    *slog.Logger
	pages  map[string]*page
	static *staticFiles
	loops  *tracker.Loops
	flags  *tracker.RedFlags
	checks []tracker.Checklist
	// moveSelects holds the options of a board card's move select, rendered once
	// per current value: the same for every card at that place.
	moveSelects map[string]template.HTML
	handler     http.Handler
	cache       *pageCache
	localUser   atomic.Pointer[tracker.User]
	drill       *drill.Drill
	judge       *JudgeConfig
	practice    practice.Store
	resume      resume.Store
	kit         kit.Store
	takehome    takehome.Store
	kitc        *kit.Kit          // the kit's content: letter rules, parts, scripts, portfolio
	lexicon     *resume.Lexicon   // the checker's taxonomy, for the names of skill families
	lib         *practice.Library // the practice content: questions, prompts, plan, timers, questions to ask
	version     versionMemo
}

// New returns a server over store. It parses every template and loads the
// tracker's content files, so a broken template or content file fails here
// rather than on the first request.
func New(cfg Config, store tracker.Store, log *slog.Logger) (*Server, error) {
	if store == nil {
		return nil, errors.New("web: a store is required")
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Loc == nil {
		cfg.Loc = time.Local
	}
	if cfg.MaxUpload <= 0 {
		cfg.MaxUpload = DefaultMaxUpload
	}
	if cfg.VersionFresh == 0 {
		cfg.VersionFresh = DefaultVersionFresh
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	s := &Server{cfg: cfg, store: store, log: log, cache: newPageCache(64)}
	s.drill = s.withDrill(cfg.Drill)
	s.judge = cfg.Judge
	s.practice = cfg.Practice
	s.resume = cfg.Resume
	s.kit = cfg.Kit
	s.takehome = cfg.Takehome
	var err error
	if s.loops, err = tracker.LoadLoops(); err != nil {
		return nil, fmt.Errorf("web: %w", err)
	}
	if s.flags, err = tracker.LoadRedFlags(); err != nil {
		return nil, fmt.Errorf("web: %w", err)
	}
	if s.checks, err = tracker.LoadChecklists(); err != nil {
		return nil, fmt.Errorf("web: %w", err)
	}
	if s.kitc, err = kit.Load(); err != nil {
		return nil, fmt.Errorf("web: %w", err)
	}
	if s.lib, err = practice.Load(); err != nil {
		return nil, fmt.Errorf("web: %w", err)
	}
	if s.resume != nil {
		if s.lexicon, err = resume.LoadLexicon(); err != nil {
			return nil, fmt.Errorf("web: %w", err)
		}
	}
	if s.static, err = loadStatic(); err != nil {
		return nil, fmt.Errorf("web: %w", err)
	}
	if s.pages, err = s.parsePages(); err != nil {
		return nil, fmt.Errorf("web: %w", err)
	}
	s.moveSelects = newMoveSelects()
	csrf := http.NewCrossOriginProtection()
	csrf.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.fail(w, r, errForbiddenOrigin)
	}))
	s.handler = s.recoverer(securityHeaders(csrf.Handler(s.routes())))
	return s, nil
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.handler.ServeHTTP(w, r)
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		// This request may have written: the next page must see it.
		s.version.forget()
	}
}

func (s *Server) now() time.Time { return s.cfg.Now() }

// user returns the local user.
func (s *Server) user(ctx context.Context) (*tracker.User, error) {
	// Local mode has one user, who never changes: read it once.
	if u := s.localUser.Load(); u != nil {
		return u, nil
	}
	u, err := s.store.LocalUser(ctx)
	if err != nil {
		return nil, err
	}
	s.localUser.Store(u)
	return u, nil
}

// recoverer turns a panic in a handler into a logged 500, so bad input can at
// worst fail one request.
func (s *Server) recoverer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			v := recover()
			if v == nil {
				return
			}
			if v == http.ErrAbortHandler {
				panic(v)
			}
			s.log.Error("panic serving request", "method", r.Method, "path", r.URL.Path, "panic", fmt.Sprint(v), "stack", string(debug.Stack()))
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
			w.WriteHeader(http.StatusInternalServerError)
			fmt.Fprintln(w, "internal error")
		}()
		next.ServeHTTP(w, r)
	})
}

func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
		next.ServeHTTP(w, r)
	})
}
