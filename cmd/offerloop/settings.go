package main

import (
	"context"
	"flag"
	"fmt"

	"github.com/offerloop/offerloop/internal/tracker"
)

const settingsUsage = `usage: offerloop settings [--name NAME] [--follow-up-days N] [--json] [--db FILE]

With no flags, prints the settings. --name is how thank-you drafts are signed;
--follow-up-days is how long a company may stay silent before a follow-up task
appears (default 7).
`

func runSettings(ctx context.Context, e *env, args []string) error {
	f := newFlags(e, "settings", settingsUsage, true)
	name := f.String("name", "", "your name")
	days := f.String("follow-up-days", "", "days of silence before a follow-up")
	if _, err := f.parse(args); err != nil {
		return err
	}
	given := map[string]bool{}
	f.Visit(func(fl *flag.Flag) { given[fl.Name] = true })
	s, err := f.open(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
	uid := s.user.ID
	if given["follow-up-days"] {
		if _, err := tracker.ParseFollowUpDays(*days); err != nil {
			return err
		}
		if err := s.db.SetSetting(ctx, uid, tracker.SettingFollowUpDays, *days); err != nil {
			return err
		}
	}
	if given["name"] {
		if err := s.db.SetSetting(ctx, uid, tracker.SettingYourName, *name); err != nil {
			return err
		}
	}
	gotName, err := s.db.Setting(ctx, uid, tracker.SettingYourName)
	if err != nil {
		return err
	}
	raw, err := s.db.Setting(ctx, uid, tracker.SettingFollowUpDays)
	if err != nil {
		return err
	}
	n, _ := tracker.ParseFollowUpDays(raw)
	if f.wantJSON() {
		return printJSON(e.stdout, map[string]any{"name": gotName, "follow_up_days": n, "database": s.db.Path()})
	}
	fmt.Fprintf(e.stdout, "name:           %s\nfollow-up days: %d\ndatabase:       %s\n", gotName, n, s.db.Path())
	return nil
}
