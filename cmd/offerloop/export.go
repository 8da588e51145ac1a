package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"github.com/offerloop/offerloop/internal/judge"
	"github.com/offerloop/offerloop/internal/kit"
	"github.com/offerloop/offerloop/internal/practice"
	"github.com/offerloop/offerloop/internal/resume"
	"github.com/offerloop/offerloop/internal/takehome"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/offerloop/offerloop/internal/coach"
	"github.com/offerloop/offerloop/internal/drill"
	"github.com/offerloop/offerloop/internal/errs"
	"github.com/offerloop/offerloop/internal/tracker"
)

const exportUsage = `usage: offerloop export [FILE] [--db FILE]

Writes every table of your data as one JSON file (standard output when FILE is
omitted or -): the tracker, and under "drill" your own cards, the progress of
every card you studied and the review log. The export is lossless: 'offerloop
import FILE' into an empty database restores it exactly, ids included. Use it
for backups.
`

const importUsage = `usage: offerloop import FILE [--format json|csv] [--db FILE] [--json]

Two kinds of file:
  JSON  an 'offerloop export', restored exactly into an empty database.
  CSV   a spreadsheet from another tracker: a header row naming at least
        company, role, status, applied date and url (in any order; common
        synonyms such as "Job Title" or "Date Applied" work), then one
        application per row. Optional columns: location, level, source, kind,
        notes, job description, updated (when the status was reached),
        deadline. Statuses: applied, recruiter screen, phone screen,
        interviewing, take-home, onsite, offer, accepted, declined, rejected,
        withdrawn, ghosted; wishlist rows are skipped.
        Dates: YYYY-MM-DD, 1/15/2026 (month first unless impossible),
        15.01.2026, Jan 15, 2026.
The format follows the file's extension unless --format says otherwise. The
whole file is checked first and written in one transaction: an error anywhere
writes nothing.
`

const calendarUsage = `usage: offerloop calendar [FILE] [--db FILE]

Writes your interviews and offer decision deadlines as an iCalendar (.ics) file
that calendar programs import (standard output when FILE is omitted or -).
Re-importing updates the events rather than duplicating them. The running web
app serves the same file at /calendar.ics, for calendar subscriptions.
`

// writeOut writes to FILE atomically (a temporary file renamed into place), or
// to standard output.
func writeOut(e *env, path string, write func(io.Writer) error) error {
	if path == "" || path == "-" {
		return write(e.stdout)
	}
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".offerloop-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(buf.Bytes()); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "Wrote %s (%d bytes).\n", path, buf.Len())
	return nil
}

func runExport(ctx context.Context, e *env, args []string) error {
	f := newFlags(e, "export", exportUsage, false)
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) > 1 {
		return usagef("export takes at most one file name")
	}
	s, err := f.open(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
	d, err := s.db.Export(ctx, s.user.ID)
	if err != nil {
		return err
	}
	dd, err := s.db.ExportDrill(ctx, s.user.ID)
	if err != nil {
		return err
	}
	if d.Drill, err = json.Marshal(dd); err != nil {
		return err
	}
	if d.Judge, err = judge.ExportSection(ctx, s.db, s.user.ID); err != nil {
		return err
	}
	if d.Practice, err = practice.ExportSection(ctx, s.db, s.user.ID); err != nil {
		return err
	}
	if d.Resume, err = resume.ExportSection(ctx, s.db, s.user.ID); err != nil {
		return err
	}
	if d.Kit, err = kit.ExportSection(ctx, s.db, s.user.ID); err != nil {
		return err
	}
	if d.Takehome, err = takehome.ExportSection(ctx, s.db, s.user.ID); err != nil {
		return err
	}
	if d.Coach, err = coach.ExportSection(ctx, s.db, s.user.ID); err != nil {
		return err
	}
	out := ""
	if len(pos) == 1 {
		out = pos[0]
	}
	return writeOut(e, out, func(w io.Writer) error { return printJSON(w, d) })
}

func runCalendar(ctx context.Context, e *env, args []string) error {
	f := newFlags(e, "calendar", calendarUsage, false)
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) > 1 {
		return usagef("calendar takes at most one file name")
	}
	s, err := f.open(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
	out := ""
	if len(pos) == 1 {
		out = pos[0]
	}
	return writeOut(e, out, func(w io.Writer) error { return tracker.Calendar(ctx, s.db, s.user.ID, s.now(), w) })
}

func runImport(ctx context.Context, e *env, args []string) error {
	f := newFlags(e, "import", importUsage, true)
	format := f.String("format", "", "json or csv (default: from the extension)")
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("import needs one file (- for standard input)")
	}
	var r io.Reader = e.stdin
	if pos[0] != "-" {
		file, err := os.Open(pos[0])
		if err != nil {
			return err
		}
		defer file.Close()
		r = file
	}
	data, err := io.ReadAll(io.LimitReader(r, tracker.MaxImportBytes+1))
	if err != nil {
		return err
	}
	if len(data) > tracker.MaxImportBytes {
		return errs.E(errs.TooLarge, "%s is larger than %d MiB", pos[0], tracker.MaxImportBytes>>20)
	}
	kind := strings.ToLower(*format)
	if kind == "" {
		switch strings.ToLower(filepath.Ext(pos[0])) {
		case ".csv", ".tsv":
			kind = "csv"
		case ".json":
			kind = "json"
		default:
			if t := bytes.TrimSpace(data); len(t) > 0 && t[0] == '{' {
				kind = "json"
			} else {
				kind = "csv"
			}
		}
	}
	s, err := f.open(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
	switch kind {
	case "json":
		d, err := tracker.DecodeDump(data)
		if err != nil {
			return err
		}
		var dd *drill.Dump
		if len(d.Drill) > 0 {
			if dd, err = drill.DecodeDump(d.Drill); err != nil {
				return err
			}
		}
		if err := s.db.RestoreAll(ctx, s.user.ID, d, dd); err != nil {
			return err
		}
		reviews := 0
		if dd != nil {
			reviews = len(dd.Reviews)
		}
		if f.wantJSON() {
			return printJSON(e.stdout, map[string]int{"applications": len(d.Applications), "interviews": len(d.Interviews), "events": len(d.Events), "reviews": reviews})
		}
		fmt.Fprintf(e.stdout, "Restored %d applications, %d interviews, %d events and %d reviews.\n", len(d.Applications), len(d.Interviews), len(d.Events), reviews)
		return nil
	case "csv":
		loops, err := tracker.LoadLoops()
		if err != nil {
			return err
		}
		res, err := tracker.ParseCSV(bytes.NewReader(data), loops)
		if err != nil {
			return err
		}
		for i := range res.Applications {
			res.Applications[i].Application.UserID = s.user.ID
		}
		if err := s.db.ImportApplications(ctx, s.user.ID, res.Applications); err != nil {
			return err
		}
		if f.wantJSON() {
			return printJSON(e.stdout, struct {
				Imported int      `json:"imported"`
				Skipped  []string `json:"skipped"`
			}{len(res.Applications), nonNil(res.Skipped)})
		}
		fmt.Fprintf(e.stdout, "Imported %d applications.\n", len(res.Applications))
		for _, sk := range res.Skipped {
			fmt.Fprintf(e.stdout, "Skipped %s\n", sk)
		}
		return nil
	}
	return usagef("unknown import format %q (use json or csv)", kind)
}
