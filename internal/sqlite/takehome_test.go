package sqlite

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/offerloop/offerloop/internal/errs"
	"github.com/offerloop/offerloop/internal/takehome"
	"github.com/offerloop/offerloop/internal/tracker"
)

func takehomeSample(score int) *takehome.Report {
	cell := 2
	return &takehome.Report{Path: "/home/me/churn", Score: score, Categories: map[string]int{"leakage": 40},
		Findings: []takehome.Finding{{Rule: "leakage/preprocessing", Severity: takehome.High, File: "nb.ipynb", Line: 3, Cell: &cell,
			Excerpt: "scaler.fit(X)", Message: "m", Fix: "f"}},
		Checked: takehome.Counts{Files: 3, Notebooks: 1, CodeLines: 40}}
}

// TestTakehomeStoreRoundTrip saves reports with and without an application,
// reads them back, exports them and restores them into an empty database.
func TestTakehomeStoreRoundTrip(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	u, err := db.LocalUser(ctx)
	if err != nil {
		t.Fatal(err)
	}
	loops, _ := tracker.LoadLoops()
	p, _ := loops.NewPlan(tracker.Startup)
	a := &tracker.Application{UserID: u.ID, Company: tracker.Company{Name: "Acme", Kind: tracker.Startup}, Role: "MLE", AppliedOn: tracker.NewDate(2026, 3, 1)}
	if err := db.CreateApplication(ctx, a, p); err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	first := takehome.NewSaved(a.ID, "/home/me/churn", takehomeSample(55), at)
	second := takehome.NewSaved(a.ID, "/home/me/churn", takehomeSample(70), at.Add(time.Hour))
	loose := takehome.NewSaved(0, "churn.zip", takehomeSample(60), at.Add(2*time.Hour))
	for _, s := range []*takehome.Saved{&first, &second, &loose} {
		if err := db.SaveTakehome(ctx, u.ID, s); err != nil {
			t.Fatal(err)
		}
	}
	bad := takehome.NewSaved(99, "x", takehomeSample(1), at)
	if err := db.SaveTakehome(ctx, u.ID, &bad); errs.CodeOf(err) != errs.NotFound {
		t.Errorf("saving for a missing application: %v", err)
	}
	empty := takehome.NewSaved(0, " ", takehomeSample(1), at)
	if err := db.SaveTakehome(ctx, u.ID, &empty); errs.CodeOf(err) != errs.Invalid {
		t.Errorf("saving with no source: %v", err)
	}
	got, err := db.TakehomeReports(ctx, u.ID, a.ID)
	if err != nil || len(got) != 2 || got[0].ID != second.ID || got[0].Score != 70 || got[0].High() != 1 {
		t.Fatalf("the application's reports: %v %+v", err, got)
	}
	all, err := db.TakehomeReports(ctx, u.ID, 0)
	if err != nil || len(all) != 3 || all[0].ID != loose.ID {
		t.Fatalf("all reports: %v %+v", err, all)
	}
	one, err := db.TakehomeReport(ctx, u.ID, first.ID)
	if err != nil || one.Report.Findings[0].Excerpt != "scaler.fit(X)" || *one.Report.Findings[0].Cell != 2 || !one.CheckedAt.Equal(at) {
		t.Errorf("one report: %v %+v", err, one)
	}
	if _, err := db.TakehomeReport(ctx, u.ID, 999); errs.CodeOf(err) != errs.NotFound {
		t.Errorf("a missing report: %v", err)
	}

	// Export, then restore into an empty database: the same rows, ids kept.
	d, err := db.Export(ctx, u.ID)
	if err != nil {
		t.Fatal(err)
	}
	if d.Takehome, err = takehome.ExportSection(ctx, db, u.ID); err != nil {
		t.Fatal(err)
	}
	raw, _ := json.Marshal(d)
	d2, err := tracker.DecodeDump(raw)
	if err != nil {
		t.Fatal(err)
	}
	dst := openTemp(t)
	u2, _ := dst.LocalUser(ctx)
	if err := dst.RestoreAll(ctx, u2.ID, d2, nil); err != nil {
		t.Fatal(err)
	}
	back, err := dst.TakehomeReports(ctx, u2.ID, 0)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(all, back); diff != "" {
		t.Errorf("restored reports differ (-exported +restored):\n%s", diff)
	}
	// A second restore is refused and changes nothing.
	if err := dst.RestoreAll(ctx, u2.ID, d2, nil); errs.CodeOf(err) != errs.Conflict {
		t.Errorf("restoring twice: %v", err)
	}
	// A report of an application the export lacks refuses the whole file.
	d3, _ := tracker.DecodeDump(raw)
	d3.Takehome = json.RawMessage(strings.Replace(string(d3.Takehome), `"application_id":1`, `"application_id":42`, 1))
	fresh := openTemp(t)
	u3, _ := fresh.LocalUser(ctx)
	if err := fresh.RestoreAll(ctx, u3.ID, d3, nil); errs.CodeOf(err) != errs.Invalid || !strings.Contains(err.Error(), "application 42") {
		t.Errorf("restoring a report of a missing application: %v", err)
	}
	if apps, _ := fresh.FindApplications(ctx, tracker.ApplicationFilter{UserID: u3.ID}); len(apps) != 0 {
		t.Errorf("a refused restore wrote %d applications", len(apps))
	}

	// Deleting the application deletes its reports, not the loose one.
	if err := db.DeleteApplication(ctx, u.ID, a.ID); err != nil {
		t.Fatal(err)
	}
	if all, _ := db.TakehomeReports(ctx, u.ID, 0); len(all) != 1 || all[0].ID != loose.ID {
		t.Errorf("after deleting the application: %+v", all)
	}
}
