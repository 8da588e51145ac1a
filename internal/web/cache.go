package web

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"
)

// DefaultVersionFresh is how long the server trusts the data version it last
// read, unless Config.VersionFresh says otherwise. Writes made through this
// server forget it at once (ServeHTTP); writes from another process, such as
// the CLI, show within this delay.
const DefaultVersionFresh = 100 * time.Millisecond

// versionMemo remembers the store's data version for a moment, so that a burst
// of page views costs one read of it rather than one each.
type versionMemo struct {
	mu   sync.Mutex
	v    int64
	read time.Time // zero when forgotten
}

func (m *versionMemo) forget() {
	m.mu.Lock()
	m.read = time.Time{}
	m.mu.Unlock()
}

// dataVersion returns the store's data version, read at most every
// Config.VersionFresh.
func (s *Server) dataVersion(ctx context.Context) (int64, error) {
	m := &s.version
	m.mu.Lock()
	if !m.read.IsZero() && time.Since(m.read) < s.cfg.VersionFresh {
		v := m.v
		m.mu.Unlock()
		return v, nil
	}
	m.mu.Unlock()
	started := time.Now()
	v, err := s.store.Version(ctx)
	if err != nil {
		return 0, err
	}
	m.mu.Lock()
	if m.read.IsZero() || started.After(m.read) {
		m.v, m.read = v, started
	}
	m.mu.Unlock()
	return v, nil
}

// pageCache keeps the last renderings of the pages people reload most (the
// board, Today, the funnel). An entry is keyed by the user, the store's data
// version, the minute (pages say "in 3 days" and "overdue") and the URL, so a
// write anywhere, by the server or by the CLI on the same database, or the
// passing of a minute, makes the next request render afresh. Requests that
// arrive while a page renders wait for that rendering instead of repeating it.
type pageCache struct {
	mu      sync.Mutex
	entries map[string]*cachedPage
	order   []string // insertion order, for eviction
	max     int
}

type cachedPage struct {
	done   chan struct{}
	ok     bool // false when the rendering failed or was not a 200
	header http.Header
	body   []byte
	gz     []byte // body compressed once, for clients that accept gzip
}

func newPageCache(max int) *pageCache {
	return &pageCache{entries: make(map[string]*cachedPage), max: max}
}

// claim returns the entry for key and whether the caller must render it.
func (c *pageCache) claim(key string) (*cachedPage, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.entries[key]; ok {
		return e, false
	}
	e := &cachedPage{done: make(chan struct{})}
	c.entries[key] = e
	c.order = append(c.order, key)
	for len(c.order) > c.max {
		delete(c.entries, c.order[0])
		c.order = c.order[1:]
	}
	return e, true
}

// drop forgets a failed rendering so that the next request tries again.
func (c *pageCache) drop(key string, e *cachedPage) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.entries[key] == e {
		delete(c.entries, key)
	}
}

// capture records a response instead of sending it.
type capture struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (c *capture) Header() http.Header { return c.header }
func (c *capture) WriteHeader(status int) {
	if c.status == 0 {
		c.status = status
	}
}
func (c *capture) Write(b []byte) (int, error) {
	if c.status == 0 {
		c.status = http.StatusOK
	}
	return c.body.Write(b)
}

// cached serves h through the page cache. Any failure to build the key (the
// store cannot say its version) falls back to rendering directly.
func (s *Server) cached(h http.HandlerFunc) http.HandlerFunc {
	if s.cfg.NoPageCache {
		return h
	}
	return func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		u, err := s.user(ctx)
		if err != nil {
			h(w, r)
			return
		}
		v, err := s.dataVersion(ctx)
		if err != nil {
			h(w, r)
			return
		}
		key := fmt.Sprintf("%d|%d|%d|%s", u.ID, v, s.now().Unix()/60, r.URL.RequestURI())
		e, render := s.cache.claim(key)
		if render {
			rec := &capture{header: make(http.Header)}
			func() {
				defer close(e.done)
				defer func() {
					if v := recover(); v != nil {
						s.cache.drop(key, e)
						panic(v)
					}
				}()
				h(rec, r)
				e.header, e.body, e.ok = rec.header, rec.body.Bytes(), rec.status == http.StatusOK
				if e.ok {
					e.gz = gzipped(e.body)
				}
			}()
			if !e.ok {
				s.cache.drop(key, e)
				copyHeader(w.Header(), rec.header)
				w.WriteHeader(rec.status)
				w.Write(rec.body.Bytes())
				return
			}
		} else {
			select {
			case <-e.done:
			case <-ctx.Done():
				return
			}
			if !e.ok { // the rendering it waited for failed: render its own
				h(w, r)
				return
			}
		}
		copyHeader(w.Header(), e.header)
		w.Header().Add("Vary", "Accept-Encoding")
		if e.gz != nil && acceptsGzip(r) {
			w.Header().Set("Content-Encoding", "gzip")
			w.WriteHeader(http.StatusOK)
			w.Write(e.gz)
			return
		}
		w.WriteHeader(http.StatusOK)
		w.Write(e.body)
	}
}

func gzipped(b []byte) []byte {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestSpeed)
	zw.Write(b)
	if zw.Close() != nil {
		return nil
	}
	return buf.Bytes()
}

func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		name, q, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.EqualFold(strings.TrimSpace(name), "gzip") && strings.ReplaceAll(q, " ", "") != "q=0" {
			return true
		}
	}
	return false
}

func copyHeader(dst, src http.Header) {
	for k, vs := range src {
		dst[k] = append([]string(nil), vs...)
	}
}
