package web

import (
	"context"
	"net/http"

	"github.com/offerloop/offerloop/internal/errs"
	"github.com/offerloop/offerloop/internal/tracker"
)

func (s *Server) addStage(w http.ResponseWriter, r *http.Request) {
	s.appForm(w, r, "stage", func(ctx context.Context, u *tracker.User, appID int64) error {
		name := formString(r, "name")
		if err := tracker.CheckStageName(name); err != nil {
			return err
		}
		after, err := formID(r, "after")
		if err != nil {
			return err
		}
		_, err = s.store.AddStage(ctx, u.ID, appID, after, name, s.now())
		return err
	})
}

func (s *Server) renameStage(w http.ResponseWriter, r *http.Request) {
	s.appForm(w, r, "stage-"+r.PathValue("sid"), func(ctx context.Context, u *tracker.User, appID int64) error {
		sid, err := s.ownStage(ctx, r, u.ID, appID)
		if err != nil {
			return err
		}
		name := formString(r, "name")
		if err := tracker.CheckStageName(name); err != nil {
			return err
		}
		return s.store.RenameStage(ctx, u.ID, sid, name, s.now())
	})
}

func (s *Server) removeStage(w http.ResponseWriter, r *http.Request) {
	s.appForm(w, r, "stage-"+r.PathValue("sid"), func(ctx context.Context, u *tracker.User, appID int64) error {
		sid, err := s.ownStage(ctx, r, u.ID, appID)
		if err != nil {
			return err
		}
		return s.store.RemoveStage(ctx, u.ID, sid, s.now())
	})
}

// ownStage reads the stage id of the path and checks that it belongs to the
// application of the path, so that a form cannot reach another application's
// stage through this one's page.
func (s *Server) ownStage(ctx context.Context, r *http.Request, userID, appID int64) (int64, error) {
	sid, err := pathID(r, "sid")
	if err != nil {
		return 0, err
	}
	stages, err := s.store.Stages(ctx, userID, appID)
	if err != nil {
		return 0, err
	}
	for _, st := range stages {
		if st.ID == sid {
			return sid, nil
		}
	}
	return 0, errs.NotFoundf("stage %d is not one of this application's stages", sid)
}

func (s *Server) ownRound(ctx context.Context, r *http.Request, userID, appID int64) (tracker.Round, error) {
	rid, err := pathID(r, "rid")
	if err != nil {
		return tracker.Round{}, err
	}
	rounds, err := s.store.Rounds(ctx, userID, appID)
	if err != nil {
		return tracker.Round{}, err
	}
	for _, rd := range rounds {
		if rd.ID == rid {
			return rd, nil
		}
	}
	return tracker.Round{}, errs.NotFoundf("round %d is not one of this application's rounds", rid)
}

// addRound plans a round in a stage; name and length default to the kind's.
func (s *Server) addRound(w http.ResponseWriter, r *http.Request) {
	s.appForm(w, r, "round", func(ctx context.Context, u *tracker.User, appID int64) error {
		stageID, err := formID(r, "stage")
		if err != nil {
			return err
		}
		if stageID == 0 {
			return errs.Invalidf("pick the stage the round belongs to")
		}
		rd := tracker.Round{UserID: u.ID, ApplicationID: appID, StageID: stageID, Name: formString(r, "name")}
		info, ok := s.loops.RoundKind(tracker.RoundKind(formString(r, "kind")))
		if !ok {
			return errs.Invalidf("pick a round kind from the list")
		}
		rd.Kind = info.Kind
		if rd.Name == "" {
			rd.Name = info.Name
		}
		if err := tracker.CheckStageName(rd.Name); err != nil {
			return err
		}
		if rd.Minutes, err = formInt(r, "minutes", "minutes"); err != nil {
			return err
		}
		if rd.Minutes == 0 {
			rd.Minutes = info.Minutes
		}
		if rd.Minutes < 1 || rd.Minutes > 24*60 {
			return errs.Invalidf("a round lasts between 1 minute and 24 hours, not %d minutes", rd.Minutes)
		}
		return s.store.AddRound(ctx, &rd, s.now())
	})
}

func (s *Server) renameRound(w http.ResponseWriter, r *http.Request) {
	s.appForm(w, r, "roundrename-"+r.PathValue("rid"), func(ctx context.Context, u *tracker.User, appID int64) error {
		rd, err := s.ownRound(ctx, r, u.ID, appID)
		if err != nil {
			return err
		}
		name := formString(r, "name")
		if err := tracker.CheckStageName(name); err != nil {
			return err
		}
		return s.store.RenameRound(ctx, u.ID, rd.ID, name, s.now())
	})
}

func (s *Server) removeRound(w http.ResponseWriter, r *http.Request) {
	s.appForm(w, r, "roundrename-"+r.PathValue("rid"), func(ctx context.Context, u *tracker.User, appID int64) error {
		rd, err := s.ownRound(ctx, r, u.ID, appID)
		if err != nil {
			return err
		}
		return s.store.RemoveRound(ctx, u.ID, rd.ID, s.now())
	})
}
