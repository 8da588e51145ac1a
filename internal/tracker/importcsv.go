package tracker

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/offerloop/offerloop/internal/errs"
)

// Limits on an imported spreadsheet.
const (
	MaxImportBytes = 10 << 20
	MaxImportRows  = 20_000
)

// NewApplication is an application to create with its plan, already at the
// state it had reached: Stage indexes Plan.Stages; Outcome, when set, closes it.
type NewApplication struct {
	Application Application
	Plan        Plan
	Stage       int
	Outcome     Outcome
	StateAt     time.Time // when it reached that state; the applied date if unknown
}

// Importer creates many applications in one transaction.
type Importer interface {
	// ImportApplications creates every application with its plan, a created event
	// and, when the state is past the first stage or closed, the event that put it
	// there. All or nothing.
	ImportApplications(ctx context.Context, userID int64, apps []NewApplication) error
}

// CSVResult is a parsed spreadsheet.
type CSVResult struct {
	Applications []NewApplication
	Skipped      []string // rows left out on purpose, with the reason
}

// Column names accepted for each field, compared after lowercasing and dropping
// everything but letters and digits. The first five are required.
var csvColumns = []struct {
	field    string
	required bool
	names    []string
}{
	{"company", true, []string{"company", "companyname", "employer", "organization", "organisation"}},
	{"role", true, []string{"role", "title", "jobtitle", "position", "job"}},
	{"status", true, []string{"status", "stage", "state"}},
	{"applied", true, []string{"applieddate", "dateapplied", "applied", "appliedon", "applicationdate", "date"}},
	{"url", true, []string{"url", "link", "joburl", "joblink", "posting", "jdurl", "postingurl"}},
	{"location", false, []string{"location", "city"}},
	{"level", false, []string{"level", "seniority"}},
	{"source", false, []string{"source", "channel"}},
	{"kind", false, []string{"kind", "companykind", "companytype", "type", "companysize"}},
	{"notes", false, []string{"notes", "note", "comments"}},
	{"jd", false, []string{"jobdescription", "description", "jd"}},
	{"updated", false, []string{"updated", "lastupdate", "lastupdated", "statusdate", "updatedon"}},
	{"deadline", false, []string{"deadline", "offerdeadline", "decisiondeadline"}},
}

func columnKey(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// ParseCSV reads a spreadsheet exported from another tracker: a header row naming
// at least company, role, status, applied date and url (in any order, with common
// synonyms), then one application per row. Every row is checked before anything
// is returned, and the first problem is reported with its line number, so an
// import is all or nothing. Rows whose status says the user has not applied yet
// (wishlist, saved) are skipped and listed.
func ParseCSV(r io.Reader, loops *Loops) (*CSVResult, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxImportBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read csv: %w", err)
	}
	if len(data) > MaxImportBytes {
		return nil, errs.E(errs.TooLarge, "the file is larger than %d MiB", MaxImportBytes>>20)
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	cr := csv.NewReader(bytes.NewReader(data))
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = false
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, errs.Invalidf("the file is empty: it needs a header row (company, role, status, applied date, url)")
	}
	if err != nil {
		return nil, csvError(err)
	}
	col := map[string]int{}
	for i, h := range header {
		k := columnKey(h)
		for _, c := range csvColumns {
			if _, seen := col[c.field]; seen {
				continue
			}
			for _, n := range c.names {
				if k == n {
					col[c.field] = i
					break
				}
			}
		}
	}
	var missing []string
	for _, c := range csvColumns {
		if _, ok := col[c.field]; c.required && !ok {
			missing = append(missing, c.names[0])
		}
	}
	if len(missing) > 0 {
		return nil, errs.Invalidf("the header row lacks the column(s) %s; it needs company, role, status, applied date and url", strings.Join(missing, ", "))
	}
	res := &CSVResult{}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, csvError(err)
		}
		line, _ := cr.FieldPos(0)
		if blankRecord(rec) {
			continue
		}
		if len(res.Applications) >= MaxImportRows {
			return nil, errs.E(errs.TooLarge, "more than %d rows; split the file", MaxImportRows)
		}
		get := func(field string) string {
			i, ok := col[field]
			if !ok || i >= len(rec) {
				return ""
			}
			return strings.TrimSpace(rec[i])
		}
		na, skip, err := csvRow(get, loops)
		if err != nil {
			return nil, errs.Invalidf("line %d: %s", line, errs.Message(err))
		}
		if skip != "" {
			res.Skipped = append(res.Skipped, fmt.Sprintf("line %d (%s, %s): %s", line, get("company"), get("role"), skip))
			continue
		}
		res.Applications = append(res.Applications, na)
	}
	if len(res.Applications) == 0 && len(res.Skipped) == 0 {
		return nil, errs.Invalidf("the file has a header row but no applications")
	}
	return res, nil
}

func csvError(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return errs.Invalidf("line %d: %v", pe.Line, pe.Err)
	}
	return errs.Invalidf("cannot read the file as CSV: %v", err)
}

func blankRecord(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

func csvRow(get func(string) string, loops *Loops) (NewApplication, string, error) {
	var na NewApplication
	a := &na.Application
	a.Company.Name = get("company")
	a.Role = get("role")
	a.Location = get("location")
	a.Notes = get("notes")
	a.JDText = get("jd")
	a.JDURL = get("url")
	var err error
	if s := get("kind"); s != "" {
		if a.Company.Kind, err = ParseCompanyKind(s); err != nil {
			return na, "", err
		}
	}
	if s := get("level"); s != "" {
		if a.Level, err = ParseLevel(s); err != nil {
			return na, "", err
		}
	}
	if s := get("source"); s != "" {
		if a.Source, err = ParseSource(s); err != nil {
			return na, "", err
		}
	}
	if a.AppliedOn, err = ParseLooseDate(get("applied")); err != nil {
		return na, "", err
	}
	if a.AppliedOn.IsZero() {
		return na, "", errs.Invalidf("applied date is empty")
	}
	if a.Deadline, err = ParseLooseDate(get("deadline")); err != nil {
		return na, "", err
	}
	status := get("status")
	kind, outcome, skip, err := parseStatus(status)
	if err != nil || skip != "" {
		return na, skip, err
	}
	if err := a.Validate(); err != nil {
		return na, "", err
	}
	if na.Plan, err = loops.NewPlan(a.Company.Kind); err != nil {
		return na, "", err
	}
	na.Stage = -1
	for i, s := range na.Plan.Stages {
		if s.Kind == kind {
			na.Stage = i
		}
	}
	if na.Stage < 0 { // the template skips this stage (a take-home at big tech): add it
		na.Plan = insertStage(na.Plan, kind)
		for i, s := range na.Plan.Stages {
			if s.Kind == kind {
				na.Stage = i
			}
		}
	}
	na.Outcome = outcome
	na.StateAt = a.AppliedOn.Time(time.UTC)
	if s := get("updated"); s != "" {
		d, err := ParseLooseDate(s)
		if err != nil {
			return na, "", err
		}
		if d.Before(a.AppliedOn) {
			return na, "", errs.Invalidf("updated date %s is before the applied date %s", d, a.AppliedOn)
		}
		na.StateAt = d.Time(time.UTC)
	}
	return na, "", nil
}

// insertStage adds a stage of kind k at its place in the loop, shifting the
// plan's round references.
func insertStage(p Plan, k StageKind) Plan {
	at := len(p.Stages)
	for i, s := range p.Stages {
		if s.Kind.Order() > k.Order() {
			at = i
			break
		}
	}
	stages := append([]Stage{}, p.Stages[:at]...)
	stages = append(stages, Stage{Kind: k, Name: k.Label()})
	stages = append(stages, p.Stages[at:]...)
	for i := range stages {
		stages[i].Position = i + 1
	}
	rounds := append([]PlannedRound{}, p.Rounds...)
	for i := range rounds {
		if rounds[i].Stage >= at {
			rounds[i].Stage++
		}
	}
	return Plan{Stages: stages, Rounds: rounds}
}

// parseStatus maps the status words other trackers use to a stage and outcome.
// An outcome keeps the stage at applied: the spreadsheet does not say how far a
// rejected application got.
func parseStatus(s string) (StageKind, Outcome, string, error) {
	switch norm(s) {
	case "":
		return "", "", "", errs.Invalidf("status is empty")
	case "wishlist", "saved", "bookmarked", "interested", "to-apply", "not-applied", "draft":
		return "", "", "not applied yet (status " + s + ")", nil
	case "interviewing", "interview", "in-progress", "in-process":
		return PhoneScreen, "", "", nil
	case "offer-received", "offered":
		return OfferStage, "", "", nil
	}
	if o, err := ParseOutcome(s); err == nil {
		switch o {
		case Accepted, Declined:
			return OfferStage, o, "", nil
		}
		return Applied, o, "", nil
	}
	k, err := ParseStageKind(s)
	if err != nil {
		return "", "", "", errs.Invalidf("unknown status %q (use a stage such as applied, phone screen, onsite, offer, or an outcome such as rejected, ghosted)", s)
	}
	return k, "", "", nil
}

var looseLayouts = []string{
	"2006-01-02", "2006/01/02", "2006.01.02", "Jan 2, 2006", "January 2, 2006", "Jan 2 2006",
	"2 Jan 2006", "2 January 2006", "02-Jan-2006", "2-Jan-06", "Mon, 2 Jan 2006", "Monday, January 2, 2006",
	time.RFC3339, "2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02T15:04:05",
}

// ParseLooseDate reads the date forms spreadsheets produce. Slashed dates are
// month first (1/15/2026) unless the first number cannot be a month (15/1/2026);
// dotted dates are day first (15.01.2026). Impossible days are refused.
func ParseLooseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, nil
	}
	for _, l := range looseLayouts {
		if t, err := time.Parse(l, s); err == nil {
			d := DateOf(t)
			return d, d.checkRange("date")
		}
	}
	for _, sep := range []string{"/", "."} {
		parts := strings.Split(s, sep)
		if len(parts) != 3 {
			continue
		}
		var n [3]int
		ok := true
		for i, p := range parts {
			v, err := strconv.Atoi(strings.TrimSpace(p))
			if err != nil || v < 0 {
				ok = false
				break
			}
			n[i] = v
		}
		if !ok {
			break
		}
		m, d, y := n[0], n[1], n[2]
		if sep == "." || m > 12 {
			m, d = d, m
		}
		if y < 100 {
			y += 2000
		}
		t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
		if m < 1 || m > 12 || t.Day() != d || int(t.Month()) != m {
			return Date{}, errs.Invalidf("%q is not a real date", s)
		}
		dd := DateOf(t)
		return dd, dd.checkRange("date")
	}
	return Date{}, errs.Invalidf("cannot read the date %q (use YYYY-MM-DD)", s)
}
