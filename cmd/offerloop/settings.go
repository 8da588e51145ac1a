package main

import (
	"context"
	"flag"
	"fmt"
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
	// One flag per drill preference, named like the preference with dashes.
	drillFlags := make([]*string, len(drill.SettingFields))
	for i, df := range drill.SettingFields {
		drillFlags[i] = f.String(flagName(df), "", df.Name)
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
	for i, df := range drill.SettingFields {
		if given[flagName(df)] && *drillFlags[i] != "" {
			if err := df.Check(*drillFlags[i]); err != nil {
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
	for i, df := range drill.SettingFields {
		if given[flagName(df)] {
			if err := s.db.SetSetting(ctx, uid, df.Key, strings.TrimSpace(*drillFlags[i])); err != nil {
				return err
			}
		}
	}
	drillVals := map[string]string{}
	for _, df := range drill.SettingFields {
		v, err := s.db.Setting(ctx, uid, df.Key)
		if err != nil {
			return err
		}
		if v == "" {
			v = df.Default
		}
		drillVals[df.Name] = v
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
			out[k] = v
		}
		return printJSON(e.stdout, out)
	}
	fmt.Fprintf(e.stdout, "name:              %s\nfollow-up days:    %d\n", gotName, n)
	for _, df := range drill.SettingFields {
		fmt.Fprintf(e.stdout, "%-18s %s\n", flagName(df)+":", drillVals[df.Name])
	}
	fmt.Fprintf(e.stdout, "database:          %s\n", s.db.Path())
	return nil
}

// flagName is the command-line flag of a drill preference: its name with
// dashes; the interview-day target is --interview-target.
func flagName(f drill.SettingField) string {
	if f.Name == "target" {
		return "interview-target"
	}
	return strings.ReplaceAll(f.Name, "_", "-")
}
