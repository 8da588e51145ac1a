package web

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/offerloop/offerloop/internal/judge"
	"github.com/offerloop/offerloop/internal/kit"
	"github.com/offerloop/offerloop/internal/practice"
	"github.com/offerloop/offerloop/internal/resume"
	"github.com/offerloop/offerloop/internal/takehome"
	"io"
	"net/http"
	"path"
	"strconv"
	"strings"

	"github.com/offerloop/offerloop/internal/coach"
	"github.com/offerloop/offerloop/internal/drill"
	"github.com/offerloop/offerloop/internal/errs"
	"github.com/offerloop/offerloop/internal/tracker"
)

func (s *Server) export(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	u, err := s.user(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d, err := s.store.Export(ctx, u.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if s.drill != nil {
		// The drill's section, as "offerloop export" writes it.
		dd, err := s.drill.Store.ExportDrill(ctx, u.ID)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		if d.Drill, err = json.Marshal(dd); err != nil {
			s.fail(w, r, fmt.Errorf("export: %w", err))
			return
		}
	}
	if s.judge != nil && s.judge.Store != nil {
		if d.Judge, err = judge.ExportSection(ctx, s.judge.Store, u.ID); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	if s.practice != nil {
		if d.Practice, err = practice.ExportSection(ctx, s.practice, u.ID); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	if s.resume != nil {
		if d.Resume, err = resume.ExportSection(ctx, s.resume, u.ID); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	if s.kit != nil {
		if d.Kit, err = kit.ExportSection(ctx, s.kit, u.ID); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	if s.takehome != nil {
		if d.Takehome, err = takehome.ExportSection(ctx, s.takehome, u.ID); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	if cs, ok := s.store.(coach.DumpStore); ok {
		if d.Coach, err = coach.ExportSection(ctx, cs, u.ID); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	b, err := json.MarshalIndent(d, "", "  ")
	if err != nil {
		s.fail(w, r, fmt.Errorf("export: %w", err))
		return
	}
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Content-Disposition", fmt.Sprintf(`attachment; filename="offerloop-export-%s.json"`, s.dateValue(s.now())))
	h.Set("Cache-Control", "no-store")
	w.Write(append(b, '\n'))
}

type importPage struct {
	base
	MaxUpload string
	Error     string
	Imported  string // a summary of the last import, after the redirect
}

func (s *Server) importPage() *importPage {
	d := &importPage{MaxUpload: byteSize(s.cfg.MaxUpload)}
	d.Title, d.Nav = "Import", "settings"
	return d
}

func (s *Server) importForm(w http.ResponseWriter, r *http.Request) {
	d := s.importPage()
	q := r.URL.Query()
	switch q.Get("done") {
	case "json":
		d.Imported = "Your export was restored."
	case "csv":
		n, _ := strconv.Atoi(q.Get("n"))
		skipped, _ := strconv.Atoi(q.Get("skipped"))
		d.Imported = "Imported " + plural(n, "application") + " from the spreadsheet."
		if skipped > 0 {
			d.Imported += " Skipped " + plural(skipped, "row") + " that were not applied to yet."
		}
	}
	s.render(w, r, "import", d)
}

// importFile restores a JSON export, or imports a spreadsheet of applications.
// The upload is capped at cfg.MaxUpload; nothing is written unless the whole
// file is good.
func (s *Server) importFile(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	name, data, err := s.readUpload(w, r)
	var to string
	if err == nil {
		to, err = s.importData(ctx, name, data)
	}
	if userError(err) || errs.CodeOf(err) == errs.TooLarge {
		d := s.importPage()
		d.Error = message(err)
		s.renderStatus(w, r, status(err, true), "import", d)
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	seeOther(w, r, to)
}

// readUpload reads the "file" part of a multipart form, at most cfg.MaxUpload
// bytes of it; the body as a whole may carry a little more for the form's
// framing.
func (s *Server) readUpload(w http.ResponseWriter, r *http.Request) (string, []byte, error) {
	limit := s.cfg.MaxUpload
	r.Body = http.MaxBytesReader(w, r.Body, limit+64<<10)
	mr, err := r.MultipartReader()
	if err != nil {
		return "", nil, errs.Invalidf("choose a file to upload")
	}
	for {
		p, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			return "", nil, errs.Invalidf("choose a file to upload")
		}
		if err != nil {
			return "", nil, uploadError(err, limit)
		}
		if p.FormName() != "file" {
			continue
		}
		data, err := io.ReadAll(io.LimitReader(p, limit+1))
		if err != nil {
			return "", nil, uploadError(err, limit)
		}
		if int64(len(data)) > limit {
			return "", nil, errs.E(errs.TooLarge, "the file is too large: the limit is %s", byteSize(limit))
		}
		if len(bytes.TrimSpace(data)) == 0 {
			return "", nil, errs.Invalidf("the file is empty")
		}
		return p.FileName(), data, nil
	}
}

func uploadError(err error, limit int64) error {
	if e := tooLarge(err, limit); errs.CodeOf(e) == errs.TooLarge {
		return e
	}
	return errs.Invalidf("the upload was cut short or malformed; try again")
}

// importData restores a JSON export or imports a CSV spreadsheet, by the file's
// name or, failing that, its first byte, and returns where to go next.
func (s *Server) importData(ctx context.Context, name string, data []byte) (string, error) {
	u, err := s.user(ctx)
	if err != nil {
		return "", err
	}
	ext := strings.ToLower(path.Ext(name))
	trimmed := bytes.TrimLeft(data, " \t\r\n\xef\xbb\xbf")
	if ext == ".json" || (ext != ".csv" && len(trimmed) > 0 && trimmed[0] == '{') {
		d, err := tracker.DecodeDump(data)
		if err != nil {
			return "", err
		}
		if err := s.restore(ctx, u.ID, d); err != nil {
			return "", err
		}
		return "/import?done=json", nil
	}
	res, err := s.importCSV(ctx, u.ID, data)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("/import?done=csv&n=%d&skipped=%d", len(res.Applications), len(res.Skipped)), nil
}

// restorer restores the tracker and the drill in one transaction, as the SQLite
// store does.
type restorer interface {
	RestoreAll(ctx context.Context, userID int64, d *tracker.Dump, dd *drill.Dump) error
}

// restore loads an export: the tracker, and its drill section when it has one,
// all or nothing.
func (s *Server) restore(ctx context.Context, userID int64, d *tracker.Dump) error {
	if len(d.Drill) == 0 && len(d.Judge) == 0 && len(d.Practice) == 0 && len(d.Resume) == 0 && len(d.Kit) == 0 && len(d.Takehome) == 0 && len(d.Coach) == 0 {
		return s.store.Restore(ctx, userID, d)
	}
	var dd *drill.Dump
	if len(d.Drill) > 0 {
		var err error
		if dd, err = drill.DecodeDump(d.Drill); err != nil {
			return err
		}
	}
	rs, ok := s.store.(restorer)
	if !ok {
		return errs.Invalidf("this installation cannot restore the drill section of an export")
	}
	return rs.RestoreAll(ctx, userID, d, dd)
}

// importCSV imports a spreadsheet from another tracker with tracker.ParseCSV,
// all rows in one transaction through the store's tracker.Importer.
func (s *Server) importCSV(ctx context.Context, userID int64, data []byte) (*tracker.CSVResult, error) {
	imp, ok := s.store.(tracker.Importer)
	if !ok {
		return nil, errs.Invalidf("this installation cannot import spreadsheets; upload an offerloop JSON export")
	}
	res, err := tracker.ParseCSV(bytes.NewReader(data), s.loops)
	if err != nil {
		return nil, err
	}
	for i := range res.Applications {
		res.Applications[i].Application.UserID = userID
	}
	if len(res.Applications) == 0 {
		return res, nil
	}
	return res, imp.ImportApplications(ctx, userID, res.Applications)
}
