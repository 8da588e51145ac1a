package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/offerloop/offerloop/internal/drill"
	"github.com/offerloop/offerloop/internal/errs"
	"github.com/offerloop/offerloop/internal/tracker"
)

type settingsPage struct {
	base
	YourName     string
	FollowUpDays string
	Saved        bool
	Error        string
	MaxUpload    string
	// The drill's settings, as entered; shown when the drill is enabled.
	Drill      bool
	DrillVals  map[string]string
	DrillError string
	DrillSaved bool
}

// loadDrillSettings fills the page's drill values from the store, defaults
// where unset.
func (s *Server) loadDrillSettings(r *http.Request, d *settingsPage, userID int64) error {
	d.Drill = s.drill != nil
	d.DrillVals = map[string]string{}
	for _, f := range drill.SettingFields {
		v, err := s.store.Setting(r.Context(), userID, f.Key)
		if err != nil {
			return err
		}
		if v == "" {
			v = f.Default
		}
		d.DrillVals[f.Name] = v
	}
	return nil
}

// saveDrillSettings checks every drill value, then stores them all; an empty
// value goes back to the default.
func (s *Server) saveDrillSettings(w http.ResponseWriter, r *http.Request) {
	if err := s.parseForm(w, r); err != nil {
		s.fail(w, r, err)
		return
	}
	u, err := s.user(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d := s.settingsPage()
	if err := s.loadSettings(r, d, u.ID); err != nil {
		s.fail(w, r, err)
		return
	}
	d.Drill = s.drill != nil
	d.DrillVals = map[string]string{}
	for _, f := range drill.SettingFields {
		v := strings.TrimSpace(formString(r, f.Name))
		d.DrillVals[f.Name] = v
		if v == "" {
			continue
		}
		if err := f.Check(v); err != nil {
			d.DrillError = message(err)
			s.renderStatus(w, r, http.StatusUnprocessableEntity, "settings", d)
			return
		}
	}
	for _, f := range drill.SettingFields {
		v := d.DrillVals[f.Name]
		if v == f.Default {
			v = ""
		}
		if err := s.store.SetSetting(r.Context(), u.ID, f.Key, v); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	seeOther(w, r, "/settings?drill=1")
}

// loadSettings fills the page's tracker settings from the store.
func (s *Server) loadSettings(r *http.Request, d *settingsPage, userID int64) error {
	var err error
	if d.YourName, err = s.store.Setting(r.Context(), userID, tracker.SettingYourName); err != nil {
		return err
	}
	v, err := s.store.Setting(r.Context(), userID, tracker.SettingFollowUpDays)
	if err != nil {
		return err
	}
	d.FollowUpDays = v
	if n, err := tracker.ParseFollowUpDays(v); err == nil {
		d.FollowUpDays = strconv.Itoa(n)
	}
	return nil
}

func (s *Server) settings(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	u, err := s.user(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d := s.settingsPage()
	if err := s.loadSettings(r, d, u.ID); err != nil {
		s.fail(w, r, err)
		return
	}
	if err := s.loadDrillSettings(r, d, u.ID); err != nil {
		s.fail(w, r, err)
		return
	}
	d.Saved = r.URL.Query().Get("saved") == "1"
	d.DrillSaved = r.URL.Query().Get("drill") == "1"
	s.render(w, r, "settings", d)
}

func (s *Server) settingsPage() *settingsPage {
	d := &settingsPage{MaxUpload: byteSize(s.cfg.MaxUpload)}
	d.Title, d.Nav = "Settings", "settings"
	return d
}

func (s *Server) saveSettings(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	if err := s.parseForm(w, r); err != nil {
		s.fail(w, r, err)
		return
	}
	d := s.settingsPage()
	d.YourName, d.FollowUpDays = formString(r, "your_name"), formString(r, "follow_up_days")
	err := func() error {
		u, err := s.user(ctx)
		if err != nil {
			return err
		}
		if len(d.YourName) > tracker.MaxName {
			return errs.Invalidf("your name is too long (at most %d bytes)", tracker.MaxName)
		}
		n, err := tracker.ParseFollowUpDays(d.FollowUpDays)
		if err != nil {
			return err
		}
		if err := s.store.SetSetting(ctx, u.ID, tracker.SettingYourName, d.YourName); err != nil {
			return err
		}
		return s.store.SetSetting(ctx, u.ID, tracker.SettingFollowUpDays, strconv.Itoa(n))
	}()
	if userError(err) {
		d.Error = message(err)
		if u, uerr := s.user(ctx); uerr == nil {
			s.loadDrillSettings(r, d, u.ID)
		}
		s.renderStatus(w, r, status(err, true), "settings", d)
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	seeOther(w, r, "/settings?saved=1")
}
