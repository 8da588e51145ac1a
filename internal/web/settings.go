package web

import (
	"net/http"
	"strconv"

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
}

func (s *Server) settings(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	u, err := s.user(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d := s.settingsPage()
	if d.YourName, err = s.store.Setting(ctx, u.ID, tracker.SettingYourName); err != nil {
		s.fail(w, r, err)
		return
	}
	v, err := s.store.Setting(ctx, u.ID, tracker.SettingFollowUpDays)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d.FollowUpDays = v
	if n, err := tracker.ParseFollowUpDays(v); err == nil {
		d.FollowUpDays = strconv.Itoa(n)
	}
	d.Saved = r.URL.Query().Get("saved") == "1"
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
		s.renderStatus(w, r, status(err, true), "settings", d)
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	seeOther(w, r, "/settings?saved=1")
}
