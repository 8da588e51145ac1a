package tracker

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestBuildFunnel(t *testing.T) {
	d0 := NewDate(2026, 10, 1)
	t0 := d0.Time(time.UTC)
	day := func(n int) time.Time { return t0.AddDate(0, 0, n) }
	apps := []FunnelApp{
		{ID: 1, AppliedOn: d0, Source: Referral, CompanyKind: BigTech},
		{ID: 2, AppliedOn: d0, Source: Cold, CompanyKind: Startup},
		{ID: 3, AppliedOn: d0, Source: Cold, CompanyKind: Startup},
		{ID: 4, AppliedOn: d0, Source: Referral, CompanyKind: ResearchLab},
		{ID: 5, AppliedOn: d0, Source: Cold, CompanyKind: MidSize},
	}
	steps := []StageStep{
		// 1: screen after 4 days, onsite, offer, accepted.
		{1, t0, Applied, ""}, {1, day(4), RecruiterScreen, ""}, {1, day(10), Onsite, ""}, {1, day(20), OfferStage, ""}, {1, day(22), "", Accepted},
		// 2: rejected after 2 days without a screen.
		{2, t0, Applied, ""}, {2, day(2), "", Rejected},
		// 3: ghosted after the phone screen (reply after 6 days).
		{3, t0, Applied, ""}, {3, day(6), PhoneScreen, ""}, {3, day(30), "", Ghosted},
		// 4: reached onsite, then rejected: still counts as onsite.
		{4, t0, Applied, ""}, {4, day(8), PhoneScreen, ""}, {4, day(12), Onsite, ""}, {4, day(15), "", Rejected},
		// 5: imported straight at the onsite, no reply time known; still active.
		{5, t0, Applied, ""}, {5, t0, Onsite, ""},
	}
	f := BuildFunnel(apps, steps)
	counts := map[string]int{}
	for _, b := range f.Bands {
		counts[b.Label] = b.Count
	}
	if diff := cmp.Diff(map[string]int{"Applied": 5, "Screen": 4, "Onsite": 3, "Offer": 1}, counts); diff != "" {
		t.Errorf("band counts (-want +got):\n%s", diff)
	}
	if r := f.Bands[2].Rate; r != 0.75 {
		t.Errorf("screen→onsite rate = %v, want 0.75", r)
	}
	wantFlows := []Flow{
		{From: BandApplied, To: BandScreen, Count: 4},
		{From: BandApplied, To: -1, End: Rejected, Count: 1},
		{From: BandScreen, To: BandOnsite, Count: 3},
		{From: BandScreen, To: -1, End: Ghosted, Count: 1},
		{From: BandOnsite, To: BandOffer, Count: 1},
		{From: BandOnsite, To: -1, End: "", Count: 1},
		{From: BandOnsite, To: -1, End: Rejected, Count: 1},
	}
	if diff := cmp.Diff(wantFlows, f.Flows); diff != "" {
		t.Errorf("flows (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]EndCount{{Accepted, 1}}, f.Ends); diff != "" {
		t.Errorf("ends (-want +got):\n%s", diff)
	}
	// Replies: app 1 after 4 days, 2 after 2 (rejection), 3 after 6, 4 after 8; 5 unknown.
	want := ReplyStats{Applications: 5, Replied: 4, Rate: 0.8, MedianDays: 5, MeanDays: 5, P90Days: 7.4, OfferMedianDays: 20, Offers: 1}
	if diff := cmp.Diff(want, f.Reply); diff != "" {
		t.Errorf("reply stats (-want +got):\n%s", diff)
	}
	if g := f.BySrc[0]; g.Group != "referral" || g.Reply.Applications != 2 || g.Onsite != 2 || g.Offer != 1 {
		t.Errorf("referral group = %+v", g)
	}
}

func TestBuildFunnelGhostedComesBack(t *testing.T) {
	t0 := time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)
	apps := []FunnelApp{{ID: 1, AppliedOn: DateOf(t0)}}
	steps := []StageStep{{1, t0, Applied, ""}, {1, t0.Add(time.Hour), "", Ghosted}, {1, t0.Add(48 * time.Hour), PhoneScreen, ""}}
	f := BuildFunnel(apps, steps)
	if len(f.Flows) != 2 || f.Flows[1].End != "" || f.Flows[1].From != BandScreen {
		t.Errorf("flows = %+v, want the application active at the screen", f.Flows)
	}
}

func TestBuildFunnelEmpty(t *testing.T) {
	f := BuildFunnel(nil, nil)
	if f.Total != 0 || f.Reply.Rate != 0 || len(f.Flows) != 0 {
		t.Errorf("empty funnel = %+v", f)
	}
}

func TestWriteCalendar(t *testing.T) {
	at := time.Date(2026, 12, 1, 15, 0, 0, 0, time.FixedZone("CET", 3600))
	in := CalendarInput{
		Instance: "abc123",
		Now:      time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC),
		Interviews: []*Interview{
			{ID: 7, At: at, Minutes: 45, Title: "ML theory", Company: "Acme, Inc.", Role: "Senior ML Engineer",
				Interviewers: []Interviewer{{Name: "Ana Ruiz"}}, Notes: strings.Repeat("Ask about the feature store; ", 10) + "é\n"},
			{ID: 8, At: at, Minutes: 45, Title: "Cancelled one", Outcome: OutcomeCancelled},
		},
		Applications: []*Application{{ID: 3, Role: "MLE", Company: Company{Name: "Lab"}, Deadline: NewDate(2026, 12, 10), State: State{StageKind: OfferStage}}},
	}
	var a, b bytes.Buffer
	if err := WriteCalendar(&a, in); err != nil {
		t.Fatal(err)
	}
	in.Now = in.Now.Add(time.Hour)
	if err := WriteCalendar(&b, in); err != nil {
		t.Fatal(err)
	}
	got := a.String()
	for _, want := range []string{
		"BEGIN:VCALENDAR\r\n", "VERSION:2.0\r\n", "PRODID:", "UID:interview-7-abc123@offerloop\r\n",
		"DTSTART:20261201T140000Z\r\n", "DTEND:20261201T144500Z\r\n", `SUMMARY:Acme\, Inc.: ML theory (Senior ML Engineer)`,
		"UID:deadline-3-abc123@offerloop\r\n", "DTSTART;VALUE=DATE:20261210\r\n", "END:VCALENDAR\r\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("calendar lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "Cancelled one") {
		t.Error("calendar lists a cancelled interview")
	}
	if strings.Count(got, "BEGIN:VEVENT") != strings.Count(got, "END:VEVENT") {
		t.Error("unbalanced VEVENT")
	}
	for _, line := range strings.SplitAfter(got, "\r\n") {
		if len(strings.TrimSuffix(line, "\r\n")) > 75 {
			t.Errorf("line longer than 75 octets: %q", line)
		}
		if strings.Contains(strings.TrimSuffix(line, "\r\n"), "\n") {
			t.Errorf("bare LF in %q", line)
		}
	}
	uids := func(s string) (out []string) {
		for _, l := range strings.Split(s, "\r\n") {
			if strings.HasPrefix(l, "UID:") {
				out = append(out, l)
			}
		}
		return out
	}
	if diff := cmp.Diff(uids(a.String()), uids(b.String())); diff != "" {
		t.Errorf("UIDs changed between exports:\n%s", diff)
	}
	unfolded := strings.ReplaceAll(got, "\r\n ", "")
	if !strings.Contains(unfolded, `Ask about the feature store\; Ask`) || !strings.Contains(unfolded, `é\n`) {
		t.Errorf("description not escaped or folded losslessly:\n%s", unfolded)
	}
}
