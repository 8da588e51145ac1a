package tracker

import (
	"strings"
	"testing"

	"github.com/offerloop/offerloop/internal/errs"
)

func TestParseCSV(t *testing.T) {
	loops, err := LoadLoops()
	if err != nil {
		t.Fatal(err)
	}
	in := "\ufeffCompany,Job Title,Status,Date Applied,Link,Type,Level,Notes\n" +
		"Acme AI,ML Engineer,Phone screen,2026-10-01,https://acme.test/jobs/1,startup,senior,\"likes, commas\"\n" +
		"Globex,Research Scientist,rejected,10/15/2026,,research,,\n" +
		"\n" +
		"Initech,MLE,Wishlist,2026-11-01,,,,\n" +
		"Hooli,Staff MLE,take-home,15.10.2026,,big tech,staff,\n" +
		"Umbrella,MLE,offer,Oct 3 2026,,,,\n"
	res, err := ParseCSV(strings.NewReader(in), loops)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Applications) != 4 || len(res.Skipped) != 1 || !strings.Contains(res.Skipped[0], "line 5") {
		t.Fatalf("got %d applications, skipped %v", len(res.Applications), res.Skipped)
	}
	acme := res.Applications[0]
	if acme.Application.Company.Name != "Acme AI" || acme.Application.Company.Kind != Startup || acme.Application.Level != Senior ||
		acme.Plan.Stages[acme.Stage].Kind != PhoneScreen || acme.Application.Notes != "likes, commas" {
		t.Errorf("acme = %+v at %v", acme.Application, acme.Plan.Stages[acme.Stage])
	}
	globex := res.Applications[1]
	if globex.Outcome != Rejected || globex.Application.AppliedOn.String() != "2026-10-15" {
		t.Errorf("globex = outcome %q applied %s", globex.Outcome, globex.Application.AppliedOn)
	}
	hooli := res.Applications[2]
	if hooli.Plan.Stages[hooli.Stage].Kind != TakeHome || hooli.Application.AppliedOn.String() != "2026-10-15" {
		t.Errorf("hooli at %v applied %s; big tech has no take-home so the stage must be added", hooli.Plan.Stages[hooli.Stage], hooli.Application.AppliedOn)
	}
	for _, r := range hooli.Plan.Rounds {
		if k := hooli.Plan.Stages[r.Stage].Kind; r.Round.Kind == RoundBarRaiser && k != Onsite {
			t.Errorf("bar raiser moved to %s after inserting a stage", k)
		}
	}
}

func TestParseCSVErrors(t *testing.T) {
	loops, _ := LoadLoops()
	tests := []struct{ name, in, want string }{
		{"empty", "", "empty"},
		{"missing columns", "company,role\nAcme,MLE\n", "status, applieddate, url"},
		{"unknown status", "company,role,status,applied,url\nAcme,MLE,daydreaming,2026-01-01,\n", "line 2: unknown status"},
		{"impossible date", "company,role,status,applied,url\nAcme,MLE,applied,2026-02-30,\n", "line 2: cannot read the date"},
		{"impossible slashed date", "company,role,status,applied,url\nAcme,MLE,applied,2/30/2026,\n", "not a real date"},
		{"no role", "company,role,status,applied,url\nAcme,,applied,2026-01-01,\n", "line 2: role is required"},
		{"bad url", "company,role,status,applied,url\nAcme,MLE,applied,2026-01-01,ftp://x\n", "not a web address"},
		{"bad quotes", "company,role,status,applied,url\n\"Acme,MLE,applied,2026-01-01,\n", "line"},
		{"header only", "company,role,status,applied,url\n", "no applications"},
		{"updated before applied", "company,role,status,applied,url,updated\nAcme,MLE,onsite,2026-02-01,,2026-01-01\n", "before the applied date"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseCSV(strings.NewReader(tt.in), loops)
			if errs.CodeOf(err) != errs.Invalid || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("ParseCSV() = %v, want an invalid error containing %q", err, tt.want)
			}
		})
	}
}

func TestParseLooseDate(t *testing.T) {
	tests := map[string]string{
		"2026-01-15": "2026-01-15", "1/15/2026": "2026-01-15", "15/1/2026": "2026-01-15", "3/4/26": "2026-03-04",
		"15.01.2026": "2026-01-15", "Jan 15, 2026": "2026-01-15", "15 January 2026": "2026-01-15",
		"2026-01-15T10:00:00Z": "2026-01-15", "": "",
	}
	for in, want := range tests {
		d, err := ParseLooseDate(in)
		if err != nil || d.String() != want {
			t.Errorf("ParseLooseDate(%q) = %s, %v; want %s", in, d, err, want)
		}
	}
	for _, in := range []string{"13/13/2026", "31.02.2026", "0/1/2026", "next week", "1/2/3/4", "2026-1-1x", "1/1/99999"} {
		if _, err := ParseLooseDate(in); err == nil {
			t.Errorf("ParseLooseDate(%q) accepted", in)
		}
	}
}

func FuzzParseCSV(f *testing.F) {
	loops, err := LoadLoops()
	if err != nil {
		f.Fatal(err)
	}
	f.Add("company,role,status,applied,url\nAcme,MLE,onsite,2026-01-01,https://a.test\n")
	f.Add("Company;Role\n\"a\"\"b\",c\n")
	f.Add("\ufeffcompany,role,status,date,link,kind,level,source,updated,deadline\nX,Y,offer,1/2/2026,,lab,staff,referral,2/2/2026,3/3/2026\n")
	f.Fuzz(func(t *testing.T, in string) {
		res, err := ParseCSV(strings.NewReader(in), loops)
		if err != nil {
			if c := errs.CodeOf(err); c != errs.Invalid && c != errs.TooLarge {
				t.Fatalf("ParseCSV error with code %q: %v", c, err)
			}
			return
		}
		for _, a := range res.Applications {
			if err := a.Application.Validate(); err != nil {
				t.Fatalf("ParseCSV returned an invalid application: %v", err)
			}
			if a.Stage < 0 || a.Stage >= len(a.Plan.Stages) {
				t.Fatalf("stage index %d out of range", a.Stage)
			}
		}
	})
}

func FuzzDecodeDump(f *testing.F) {
	f.Add(`{"format":"offerloop-export","schema_version":3,"exported_at":"2026-11-25T10:00:00Z","applications":[{"id":1,"applied_on":"2026-01-01"}]}`)
	f.Add(`{"format":"offerloop-export"} {}`)
	f.Add(`{"format":"other"}`)
	f.Add(`{"format":"offerloop-export","applications":[{"applied_on":"2026-02-30"}]}`)
	f.Add(`[1,2`)
	f.Fuzz(func(t *testing.T, in string) {
		d, err := DecodeDump([]byte(in))
		if err != nil {
			if errs.CodeOf(err) != errs.Invalid {
				t.Fatalf("DecodeDump error with code %q: %v", errs.CodeOf(err), err)
			}
			return
		}
		if d.Format != DumpFormat {
			t.Fatalf("accepted format %q", d.Format)
		}
	})
}
