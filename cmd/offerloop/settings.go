package main

import (
	"context"
	"flag"
	"fmt"
	"strconv"
	"strings"

	"github.com/offerloop/offerloop/internal/drill"
	"github.com/offerloop/offerloop/internal/tracker"
)

const settingsUsage = `usage: offerloop settings [--name NAME] [--follow-up-days N] [--retention R]
                          [--new-per-day N] [--interview-target R] [--daily-cap N] [--json] [--db FILE]

With no flags, prints the settings.
  --name              how thank-you drafts are signed
  --follow-up-days    how long a company may stay silent before a follow-up task appears (default 7)
  --retention         the drill's desired retention, 0.70–0.99 (default 0.9)
  --new-per-day       new drill cards a day, 0–1000 (default 20)
  --interview-target  recall wanted on interview days, 0.70–0.99 (default 0.9)
  --daily-cap         extra reviews a day the interview plan may add, 1–1000 (default 60)
An empty value ("") sets a drill setting back to its default.
`

func runSettings(ctx context.Context, e *env, args []string) error {
	f := newFlags(e, "settings", settingsUsage, true)
	name := f.String("name", "", "your name")
	days := f.String("follow-up-days", "", "days of silence before a follow-up")
	drillFlags := []struct {
		flag, key string
		check     func(string) error
		def       string
		v         *string
	}{
		{"retention", drill.SettingRetention, func(v string) error { _, err := drill.ParseRetention(v); return err }, "0.9", nil},
		{"new-per-day", drill.SettingNewPerDay, func(v string) error { _, err := drill.ParseNewPerDay(v); return err }, strconv.Itoa(drill.DefaultNewPerDay), nil},
		{"interview-target", drill.SettingTarget, func(v string) error { _, err := drill.ParseTarget(v); return err }, "0.9", nil},
		{"daily-cap", drill.SettingDailyCap, func(v string) error { _, err := drill.ParseDailyCap(v); return err }, strconv.Itoa(drill.DefaultInterviewCap), nil},
	}
	for i := range drillFlags {
		drillFlags[i].v = f.String(drillFlags[i].flag, "", drillFlags[i].flag)
	}
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
	// Check every value before writing any, so a refused command changes nothing.
	for _, df := range drillFlags {
		if given[df.flag] && *df.v != "" {
			if err := df.check(*df.v); err != nil {
				return err
			}
		}
	}
	if given["follow-up-days"] {
		if _, err := tracker.ParseFollowUpDays(*days); err != nil {
			return err
		}
		if err := s.db.SetSetting(ctx, uid, tracker.SettingFollowUpDays, *days); err != nil {
			return err
		}
	}
	for _, df := range drillFlags {
		if given[df.flag] {
			if err := s.db.SetSetting(ctx, uid, df.key, strings.TrimSpace(*df.v)); err != nil {
				return err
			}
		}
	}
	drillVals := map[string]string{}
	for _, df := range drillFlags {
		v, err := s.db.Setting(ctx, uid, df.key)
		if err != nil {
			return err
		}
		if v == "" {
			v = df.def
		}
		drillVals[df.flag] = v
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
		out := map[string]any{"name": gotName, "follow_up_days": n, "database": s.db.Path()}
		for k, v := range drillVals {
			out[strings.ReplaceAll(k, "-", "_")] = v
		}
		return printJSON(e.stdout, out)
	}
	fmt.Fprintf(e.stdout, "name:              %s\nfollow-up days:    %d\n", gotName, n)
	for _, df := range drillFlags {
		fmt.Fprintf(e.stdout, "%-18s %s\n", df.flag+":", drillVals[df.flag])
	}
	fmt.Fprintf(e.stdout, "database:          %s\n", s.db.Path())
	return nil
}
