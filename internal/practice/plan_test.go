package practice

import (
	"fmt"
	"testing"
	"time"
)

// planLibrary has the real plan's shape: 15 easy, 30 medium, 10 ml, 5 hard.
func planLibrary() *Library {
	l := &Library{}
	for _, ph := range []struct {
		phase string
		n     int
	}{{"hard", 5}, {"easy", 15}, {"ml", 10}, {"medium", 30}} {
		for i := 0; i < ph.n; i++ {
			l.Plan.Items = append(l.Plan.Items, PlanItem{ID: fmt.Sprintf("%s-%02d", ph.phase, i), Phase: ph.phase, URL: "u"})
		}
	}
	return l
}

func day(s string) Day {
	d, err := ParseDay(s)
	if err != nil {
		panic(err)
	}
	return d
}

func perDay(v PlanView) map[string]int {
	out := map[string]int{}
	for _, e := range v.Entries {
		if !e.Day.IsZero() {
			out[e.Day.Format("2006-01-02")]++
		}
	}
	return out
}

func TestScheduleFresh(t *testing.T) {
	l := planLibrary()
	start := day("2026-11-25")
	v := l.Schedule(start, start, nil, nil, time.UTC)
	if v.Total != 60 || v.Behind != 0 || v.Unscheduled != 0 || len(v.Notes) != 0 {
		t.Fatalf("fresh plan: %+v", v)
	}
	if !v.LastDay.Equal(day("2026-12-29")) || !v.ReviewFrom.Equal(day("2026-12-30")) || !v.End.Equal(day("2027-01-05")) {
		t.Errorf("days: last %s, review %s, end %s", v.LastDay, v.ReviewFrom, v.End)
	}
	// Phases in order: every easy before every medium, ml, then hard.
	order := map[string]int{"easy": 0, "medium": 1, "ml": 2, "hard": 3}
	for i := 1; i < len(v.Entries); i++ {
		if order[v.Entries[i].Item.Phase] < order[v.Entries[i-1].Item.Phase] {
			t.Fatalf("entry %d (%s) after %s", i, v.Entries[i].Item.Phase, v.Entries[i-1].Item.Phase)
		}
	}
	counts := perDay(v)
	if len(counts) != 35 {
		t.Errorf("problems on %d days, want all 35", len(counts))
	}
	for d, n := range counts {
		if n < 1 || n > MaxPerDay {
			t.Errorf("%s has %d problems", d, n)
		}
	}
	if v.Entries[0].Status != "today" || !v.Entries[0].Day.Equal(start) {
		t.Errorf("first entry: %+v", v.Entries[0])
	}
}

func TestScheduleBehind(t *testing.T) {
	l := planLibrary()
	start := day("2026-11-01")
	today := day("2026-11-11") // ten days in: about 17 problems should be done
	marks := map[string]PlanMark{}
	for i := 0; i < 5; i++ {
		marks[fmt.Sprintf("easy-%02d", i)] = PlanMark{Status: MarkDone, At: start.AddDate(0, 0, i)}
	}
	marks["easy-05"] = PlanMark{Status: MarkSkipped, At: start}
	v := l.Schedule(start, today, marks, nil, time.UTC)
	if v.Done != 5 || v.Skipped != 1 {
		t.Errorf("done %d, skipped %d", v.Done, v.Skipped)
	}
	if v.Behind < 10 || len(v.Notes) == 0 {
		t.Errorf("behind %d, notes %v", v.Behind, v.Notes)
	}
	// 54 left at most two a day from Nov 11: the problems run to Dec 7,
	// pushing the review week back, and none is dropped.
	if !v.LastDay.Equal(day("2026-12-07")) {
		t.Errorf("last day %s, want 2026-12-07", v.LastDay)
	}
	counts := perDay(v)
	total := 0
	for d, n := range counts {
		if day(d).Before(today) || n > MaxPerDay {
			t.Errorf("%s: %d problems", d, n)
		}
		total += n
	}
	if total != 54 || v.Unscheduled != 0 {
		t.Errorf("%d scheduled, %d unscheduled; want 54, 0", total, v.Unscheduled)
	}
	for _, e := range v.Entries {
		if e.Item.ID == "easy-06" && e.Status != "today" {
			t.Errorf("the first open problem is %s, not today", e.Status)
		}
	}
}

func TestScheduleInterviewMovedEarlier(t *testing.T) {
	l := planLibrary()
	start := day("2026-11-25")
	later := &Upcoming{InterviewID: 1, Company: "Acme", Title: "Onsite", At: time.Date(2027, 2, 1, 15, 0, 0, 0, time.UTC)}
	v := l.Schedule(start, start, nil, later, time.UTC)
	if v.Interview != nil || !v.LastDay.Equal(day("2026-12-29")) {
		t.Errorf("an interview after the plan changes nothing: %+v", v.Interview)
	}
	// The interview moves to Dec 10: 15 days, 30 slots for 60 problems.
	sooner := *later
	sooner.At = time.Date(2026, 12, 10, 15, 0, 0, 0, time.UTC)
	v = l.Schedule(start, start, nil, &sooner, time.UTC)
	if v.Interview == nil || !v.LastDay.Equal(day("2026-12-09")) || !v.End.Equal(day("2026-12-10")) {
		t.Fatalf("last day %s, end %s", v.LastDay, v.End)
	}
	if v.Unscheduled != 30 {
		t.Errorf("unscheduled %d, want 30", v.Unscheduled)
	}
	kept := map[string]int{}
	for _, e := range v.Entries {
		if e.Status != "unscheduled" {
			kept[e.Item.Phase]++
		}
		if !e.Day.IsZero() && e.Day.After(v.LastDay) {
			t.Errorf("%s on %s, after the last day", e.Item.ID, e.Day)
		}
	}
	// Mediums are kept first: all 30 slots go to them.
	if kept["medium"] != 30 || kept["hard"] != 0 {
		t.Errorf("kept %v", kept)
	}
	if len(v.Notes) != 2 {
		t.Errorf("notes: %v", v.Notes)
	}
	// An interview tomorrow leaves today only.
	tomorrow := *later
	tomorrow.At = start.AddDate(0, 0, 1).Add(10 * time.Hour)
	v = l.Schedule(start, start, nil, &tomorrow, time.UTC)
	if c := perDay(v); len(c) != 1 || c["2026-11-25"] != 2 {
		t.Errorf("interview tomorrow: %v", c)
	}
}

func TestSchedulePastTheEnd(t *testing.T) {
	l := planLibrary()
	start := day("2026-09-01")
	today := day("2026-11-25")
	v := l.Schedule(start, today, nil, nil, time.UTC)
	if v.Unscheduled != 0 || v.Behind != 60 {
		t.Errorf("unscheduled %d, behind %d", v.Unscheduled, v.Behind)
	}
	if !v.LastDay.Equal(today.AddDate(0, 0, 29)) || !v.End.Equal(today.AddDate(0, 0, 36)) {
		t.Errorf("60 left at two a day from today ends %s", v.LastDay)
	}
}

func TestSpread(t *testing.T) {
	for _, tc := range []struct{ n, d int }{{15, 14}, {60, 35}, {1, 5}, {0, 3}, {7, 7}, {10, 1}} {
		got := spread(tc.n, day("2026-01-01"), tc.d)
		if len(got) != tc.n {
			t.Errorf("spread(%d, %d): %d days", tc.n, tc.d, len(got))
		}
		for i := 1; i < len(got); i++ {
			if got[i].Before(got[i-1]) {
				t.Errorf("spread(%d, %d) not in order", tc.n, tc.d)
			}
		}
	}
}

// Marking today's problems done keeps them in today's allowance: the next
// problem stays on its own day.
func TestScheduleDoneToday(t *testing.T) {
	l := planLibrary()
	start := day("2026-11-25")
	v := l.Schedule(start, start, nil, nil, time.UTC)
	var today []string
	for _, e := range v.Entries {
		if e.Status == "today" {
			today = append(today, e.Item.ID)
		}
	}
	marks := map[string]PlanMark{}
	for _, id := range today {
		marks[id] = PlanMark{ItemID: id, Status: MarkDone, At: start.Add(9 * time.Hour)}
	}
	v = l.Schedule(start, start, marks, nil, time.UTC)
	for _, e := range v.Entries {
		if e.Status == "today" {
			t.Errorf("%s moved into today after today's problems were done", e.Item.ID)
		}
	}
	// Done yesterday does not hold a slot today.
	v = l.Schedule(start, start.AddDate(0, 0, 1), marks, nil, time.UTC)
	n := 0
	for _, e := range v.Entries {
		if e.Status == "today" {
			n++
		}
	}
	if n == 0 {
		t.Error("nothing scheduled the next day")
	}
}

// Marks made today never push a day over MaxPerDay, behind schedule or with
// an interview near.
func TestScheduleMarksKeepTheCap(t *testing.T) {
	l := planLibrary()
	today := day("2026-11-25")
	marks := map[string]PlanMark{}
	for _, id := range []string{"easy-00", "easy-01", "easy-02"} {
		marks[id] = PlanMark{ItemID: id, Status: MarkDone, At: today.Add(8 * time.Hour)}
	}
	iv := &Upcoming{Company: "Acme", At: today.AddDate(0, 0, 2).Add(9 * time.Hour), Own: true, Kind: "coding"}
	for _, tc := range []struct {
		name  string
		start Day
		next  *Upcoming
	}{{"interview in two days", today, iv}, {"behind", day("2026-10-01"), nil}, {"fresh", today, nil}} {
		v := l.Schedule(tc.start, today, marks, tc.next, time.UTC)
		for d, n := range perDay(v) {
			if n > MaxPerDay {
				t.Errorf("%s: %s has %d problems", tc.name, d, n)
			}
		}
		if c := perDay(v)["2026-11-25"]; c != 0 {
			t.Errorf("%s: %d new problems today after three were done today", tc.name, c)
		}
	}
}
