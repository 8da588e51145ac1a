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
