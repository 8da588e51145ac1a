package main

import (
	"context"
	"fmt"
	"runtime/debug"
)

func runVersion(_ context.Context, e *env, args []string) error {
	if len(args) > 0 && (args[0] == "-h" || args[0] == "--help") {
		fmt.Fprint(e.stdout, "usage: offerloop version\n\nPrints the version and revision offerloop was built from.\n")
		return nil
	}
	fmt.Fprintln(e.stdout, version())
	return nil
}

// version describes the build from the module's build info: the module version
// (a tag for go install, "(devel)" in a checkout) and the VCS revision.
func version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "offerloop (unknown version)"
	}
	v := bi.Main.Version
	if v == "" {
		v = "(devel)"
	}
	var rev, when, dirty string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
			if len(rev) > 12 {
				rev = rev[:12]
			}
		case "vcs.time":
			when = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = "+dirty"
			}
		}
	}
	out := "offerloop " + v
	if rev != "" {
		out += fmt.Sprintf(" (%s%s, %s)", rev, dirty, when)
	}
	return out + " " + bi.GoVersion
}
