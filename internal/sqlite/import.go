package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/offerloop/offerloop/internal/errs"
	"github.com/offerloop/offerloop/internal/tracker"
)

var _ tracker.Importer = (*DB)(nil)

// Path returns the database file's path.
func (db *DB) Path() string { return db.path }

// ImportApplications creates every application of a spreadsheet import in one
// transaction: the application with its plan and created event, then the event
// that put it at its imported stage or outcome. One bad row writes nothing.
func (db *DB) ImportApplications(ctx context.Context, userID int64, apps []tracker.NewApplication) error {
	for i := range apps {
		a := &apps[i].Application
		a.UserID = userID
		if err := a.Validate(); err != nil {
			return errs.Invalidf("application %d (%s): %s", i+1, a.Company.Name, errs.Message(err))
		}
		if err := canonicalApplication(a); err != nil {
			return err
		}
		plan, err := checkPlan(apps[i].Plan)
		if err != nil {
			return err
		}
		if s := apps[i].Stage; s < 0 || s >= len(plan.Stages) {
			return errs.Invalidf("application %d (%s): stage %d is not in its plan", i+1, a.Company.Name, s)
		}
		apps[i].Plan = plan
	}
	now := db.now()
	err := db.write(ctx, func(tx *sql.Tx) error {
		if err := checkUser(ctx, tx, userID); err != nil {
			return err
		}
		for i := range apps {
			na := &apps[i]
			stageIDs, err := db.insertApplication(ctx, tx, &na.Application, na.Plan, now)
			if err != nil {
				return fmt.Errorf("application %d: %w", i+1, err)
			}
			created := now
			if na.Application.AppliedOn.Before(tracker.DateOf(now)) {
				created = na.Application.AppliedOn.Time(na.StateAt.Location())
			}
			at := na.StateAt.UTC()
			if at.Before(created) || at.IsZero() {
				at = created
			}
			stage := na.Plan.Stages[na.Stage]
			if na.Stage > 0 {
				if err := appendEvent(ctx, tx, &tracker.Event{
					UserID: userID, ApplicationID: na.Application.ID, At: at, Kind: tracker.EventMoved,
					StageID: stageIDs[na.Stage], Summary: "Imported at " + stage.Name,
				}); err != nil {
					return err
				}
			}
			if na.Outcome != "" {
				if err := appendEvent(ctx, tx, &tracker.Event{
					UserID: userID, ApplicationID: na.Application.ID, At: at, Kind: tracker.EventClosed,
					StageID: stageIDs[na.Stage], Outcome: na.Outcome, Summary: "Imported as " + string(na.Outcome),
				}); err != nil {
					return err
				}
			}
		}
		return nil
	})
	return wrap(err, "import applications")
}
