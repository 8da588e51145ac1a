package web

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"html/template"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
	"sync"
)

//go:embed templates
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// base is what the layout reads; every page's data embeds it.
type base struct {
	Title string
	Nav   string // the nav item to highlight: today, board, drill, problems, practice, resume, funnel, offers, settings
	Wide  bool   // the page uses the whole window (the board)
	// Here is the current path and query, for forms that come back to this page.
	Here string
}

func (b *base) setHere(r *http.Request) { b.Here = r.URL.RequestURI() }

type page struct{ t *template.Template }

// parsePages builds one template set per page: the layout, the shared partials
// and the page itself, so that pages cannot see each other's definitions.
func (s *Server) parsePages() (map[string]*page, error) {
	names, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		return nil, err
	}
	pages := map[string]*page{}
	for _, n := range names {
		name := strings.TrimSuffix(path.Base(n), ".html")
		if name == "layout" || name == "partials" {
			continue
		}
		t, err := template.New(name).Funcs(s.funcs()).ParseFS(templateFS, "templates/layout.html", "templates/partials.html", n)
		if err != nil {
			return nil, fmt.Errorf("template %s: %w", name, err)
		}
		if t.Lookup("content") == nil {
			return nil, fmt.Errorf("template %s: no content block", name)
		}
		pages[name] = &page{t: t}
	}
	return pages, nil
}

var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func (s *Server) render(w http.ResponseWriter, r *http.Request, name string, data any) {
	s.renderStatus(w, r, http.StatusOK, name, data)
}

// renderStatus executes a page into a buffer first, so that a template failure
// becomes a clean 500 rather than half a page.
func (s *Server) renderStatus(w http.ResponseWriter, r *http.Request, code int, name string, data any) {
	p := s.pages[name]
	if p == nil {
		s.log.Error("unknown page", "page", name)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	if b, ok := data.(interface{ setHere(*http.Request) }); ok {
		b.setHere(r)
	}
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	defer bufPool.Put(buf)
	if err := p.t.ExecuteTemplate(buf, "layout", data); err != nil {
		s.log.Error("render page", "page", name, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	w.Write(buf.Bytes())
}

// staticFiles are the embedded assets with their content hashes, which go into
// their URLs so that browsers may cache them for a year.
type staticFiles struct {
	files map[string]staticFile
}

type staticFile struct {
	body  []byte
	hash  string
	ctype string
}

func loadStatic() (*staticFiles, error) {
	sf := &staticFiles{files: map[string]staticFile{}}
	err := fs.WalkDir(staticFS, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := staticFS.ReadFile(p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		ctype := mime.TypeByExtension(path.Ext(p))
		if ctype == "" {
			ctype = "application/octet-stream"
		}
		sf.files[strings.TrimPrefix(p, "static/")] = staticFile{body: b, hash: hex.EncodeToString(sum[:6]), ctype: ctype}
		return nil
	})
	return sf, err
}

// url returns the cache-busting address of an asset.
func (sf *staticFiles) url(name string) (string, error) {
	f, ok := sf.files[name]
	if !ok {
		return "", fmt.Errorf("no static file %q", name)
	}
	return "/static/" + name + "?v=" + f.hash, nil
}

func (sf *staticFiles) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimPrefix(r.URL.Path, "/static/")
	f, ok := sf.files[name]
	if !ok {
		http.NotFound(w, r)
		return
	}
	h := w.Header()
	h.Set("Content-Type", f.ctype)
	h.Set("ETag", `"`+f.hash+`"`)
	if r.URL.Query().Get("v") == f.hash {
		h.Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		h.Set("Cache-Control", "no-cache")
	}
	if match := r.Header.Get("If-None-Match"); match == `"`+f.hash+`"` {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Write(f.body)
}
