package sqlite

import (
	"context"
	"testing"

	"github.com/offerloop/offerloop/internal/errs"
	"github.com/offerloop/offerloop/internal/tracker"
)

// FuzzRestore feeds decoded export files to Restore on a real database: every
// file is either restored whole or refused with an error the user can act on,
// and a refused file leaves the database empty.
func FuzzRestore(f *testing.F) {
	f.Add(`{"format":"offerloop-export","schema_version":1,"companies":[{"id":1,"name":"Acme","kind":"startup"}],` +
		`"applications":[{"id":1,"company_id":1,"role":"MLE","applied_on":"2026-01-01"}],` +
		`"stages":[{"id":1,"application_id":1,"position":1,"kind":"applied","name":"Applied"}],` +
		`"events":[{"id":1,"application_id":1,"at":"2026-01-01T00:00:00Z","kind":"created","stage_id":1}]}`)
	f.Add(`{"format":"offerloop-export","events":[{"id":1,"application_id":9,"at":"2026-01-01T00:00:00Z","kind":"created"}]}`)
	f.Add(`{"format":"offerloop-export","applications":[{"id":1,"company_id":7,"role":"x","applied_on":"2026-01-01"}]}`)
	f.Add(`{"format":"offerloop-export","schema_version":99}`)
	db := openTemp(f)
	ctx := context.Background()
	u, err := db.LocalUser(ctx)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, in string) {
		d, err := tracker.DecodeDump([]byte(in))
		if err != nil {
			return
		}
		err = db.Restore(ctx, u.ID, d)
		if err != nil {
			if c := errs.CodeOf(err); c == errs.Internal {
				t.Fatalf("Restore failed with an internal error: %v", err)
			}
			got, err := db.Export(ctx, u.ID)
			if err != nil {
				t.Fatal(err)
			}
			if len(got.Applications)+len(got.Companies)+len(got.Events) != 0 {
				t.Fatalf("a refused restore left %d applications", len(got.Applications))
			}
			return
		}
		// Restored: empty the database again for the next input.
		apps, err := db.FindApplications(ctx, tracker.ApplicationFilter{UserID: u.ID})
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range apps {
			if err := db.DeleteApplication(ctx, u.ID, a.ID); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := db.db.ExecContext(ctx, `DELETE FROM companies; DELETE FROM tasks; DELETE FROM task_marks; DELETE FROM settings`); err != nil {
			t.Fatal(err)
		}
	})
}

// FuzzRestoreSections feeds exports with judge, practice, take-home and
// coach sections (and questions to ask) to RestoreAll: each is restored whole or
// refused with an error the user can act on, and a refusal writes nothing.
func FuzzRestoreSections(f *testing.F) {
	app := `"companies":[{"id":1,"name":"Acme","kind":"startup"}],` +
		`"applications":[{"id":1,"company_id":1,"role":"MLE","applied_on":"2026-01-01"}],` +
		`"stages":[{"id":1,"application_id":1,"position":1,"kind":"applied","name":"Applied"}],` +
		`"interviews":[{"id":1,"application_id":1,"kind":"behavioral","title":"B","at":"2026-02-01T10:00:00Z","minutes":45}],` +
		`"events":[{"id":1,"application_id":1,"at":"2026-01-01T00:00:00Z","kind":"created","stage_id":1}]`
	f.Add(`{"format":"offerloop-export","schema_version":1,` + app + `,"asks":[{"interview_id":1,"text":"What is on-call like?"}],` +
		`"practice":{"stories":[{"id":3,"title":"T","situation":"s","task":"t","action":"I did","result":"5%","categories":["failure"],"companies":[],"created_at":"2026-01-01T00:00:00Z","updated_at":"2026-01-01T00:00:00Z"}],` +
		`"design_sessions":[],"plan_marks":[{"item":"two-sum","status":"done","at":"2026-01-02T00:00:00Z"}]},` +
		`"judge":{"attempts":[{"id":1,"problem":"softmax","code":"x","verdict":"accepted","passed":1,"total":1,"time_ms":3,"at":"2026-01-02T00:00:00Z"}]}}`)
	f.Add(`{"format":"offerloop-export","schema_version":1,` + app + `,"takehome":{"reports":[{"id":2,"application_id":1,"source":"/home/me/churn",` +
		`"score":55,"checked_at":"2026-01-02T00:00:00Z","report":{"path":"/home/me/churn","score":55,"categories":{"leakage":40},` +
		`"findings":[{"rule":"leakage/preprocessing","severity":"H","file":"a.py","line":3,"cell":null,"excerpt":"x","message":"m","fix":"f"}],"checked":{"files":1}}},` +
		`{"id":3,"source":"churn.zip","score":100,"checked_at":"2026-01-02T00:00:00Z","report":{"path":"churn.zip","score":100,"findings":[]}}]}}`)
	f.Add(`{"format":"offerloop-export",` + app + `,"takehome":{"reports":[{"id":1,"application_id":5,"source":"x","score":1,"checked_at":"2026-01-02T00:00:00Z","report":{}}]}}`)
	f.Add(`{"format":"offerloop-export","takehome":{"reports":[{"id":1,"source":"x","score":101,"checked_at":"2026-01-02T00:00:00Z","report":{"findings":[{"severity":"X"}]}}]}}`)
	f.Add(`{"format":"offerloop-export","schema_version":1,` + app + `,"coach":{"marks":[{"day":"2026-01-02","key":"review:metrics","status":"done","at":"2026-01-02T09:00:00Z"},` +
		`{"day":"2026-01-02","key":"problem:softmax","status":"skipped","at":"2026-01-02T09:05:00Z"}]}}`)
	f.Add(`{"format":"offerloop-export",` + app + `,"coach":{"marks":[{"day":"2026-1-2","key":"review:metrics","status":"done","at":"2026-01-02T09:00:00Z"}]}}`)
	f.Add(`{"format":"offerloop-export",` + app + `,"coach":{"marks":[{"day":"2026-01-02","key":"review:metrics","status":"later","at":"2026-01-02T09:00:00Z"}]}}`)
	f.Add(`{"format":"offerloop-export","coach":{"marks":[{"day":"2026-01-02","key":"a b","status":"done"}]}}`)
	f.Add(`{"format":"offerloop-export",` + app + `,"asks":[{"interview_id":7,"text":"x"}]}`)
	f.Add(`{"format":"offerloop-export","practice":{"stories":[{"id":1,"title":""}]}}`)
	f.Add(`{"format":"offerloop-export","practice":{"design_sessions":[{"id":1,"prompt":"nope","started_at":"2026-01-01T00:00:00Z"}]}}`)
	f.Add(`{"format":"offerloop-export","judge":{"attempts":[{"id":1,"problem":"../x","verdict":"ok"}]}}`)
	db := openTemp(f)
	ctx := context.Background()
	u, err := db.LocalUser(ctx)
	if err != nil {
		f.Fatal(err)
	}
	count := func(t *testing.T) int {
		var n int
		if err := db.db.QueryRowContext(ctx, `SELECT (SELECT COUNT(*) FROM applications) + (SELECT COUNT(*) FROM stories) +
			(SELECT COUNT(*) FROM design_sessions) + (SELECT COUNT(*) FROM plan_marks) + (SELECT COUNT(*) FROM judge_attempts) +
			(SELECT COUNT(*) FROM interview_asks) + (SELECT COUNT(*) FROM takehome_reports) + (SELECT COUNT(*) FROM coach_marks)`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	f.Fuzz(func(t *testing.T, in string) {
		d, err := tracker.DecodeDump([]byte(in))
		if err != nil {
			return
		}
		if err := db.RestoreAll(ctx, u.ID, d, nil); err != nil {
			if c := errs.CodeOf(err); c == errs.Internal {
				t.Fatalf("RestoreAll failed with an internal error: %v", err)
			}
			if n := count(t); n != 0 {
				t.Fatalf("a refused restore left %d rows", n)
			}
			return
		}
		if _, err := db.db.ExecContext(ctx, `DELETE FROM coach_marks; DELETE FROM takehome_reports; DELETE FROM interview_asks; DELETE FROM stories; DELETE FROM design_sessions; DELETE FROM plan_marks;
			DELETE FROM judge_attempts; DELETE FROM events; DELETE FROM application_state; DELETE FROM interviews; DELETE FROM rounds; DELETE FROM stages;
			DELETE FROM contacts; DELETE FROM applications; DELETE FROM companies; DELETE FROM tasks; DELETE FROM task_marks; DELETE FROM settings`); err != nil {
			t.Fatal(err)
		}
	})
}
