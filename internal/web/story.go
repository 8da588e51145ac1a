package web

import (
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/offerloop/offerloop/internal/errs"
	"github.com/offerloop/offerloop/internal/practice"
	"github.com/offerloop/offerloop/internal/tracker"
)

// The story bank: /stories shows the coverage grid (categories × stories,
// with what the interviews ahead probe) and the stories with their checks;
// /stories/new and /stories/{id} edit one, with its checks under the form;
// /stories/practice draws a question, suggests stories and times the answer.

// storyRow is a story in the list.
type storyRow struct {
	S      practice.Story
	Link   string
	Passed int
	Checks int
	Spoken string
	Cats   []string // category names
}

func (s *Server) storyRow(st practice.Story) storyRow {
	fs := practice.CheckStory(st)
	row := storyRow{S: st, Link: "/stories/" + itoa(st.ID), Passed: practice.Passed(fs), Checks: len(fs), Spoken: mmss(st.SpokenSeconds())}
	for _, c := range st.Categories {
		row.Cats = append(row.Cats, s.categoryName(c))
	}
	return row
}

// AllPassed reports whether the story passes every check.
func (r storyRow) AllPassed() bool { return r.Passed == r.Checks }

// mmss prints seconds as a clock: 1:05, 12:00.
func mmss(secs int) string {
	if secs < 0 {
		secs = 0
	}
	return fmt.Sprintf("%d:%02d", secs/60, secs%60)
}

// coverageData is the grid: a row per category, a column per story, and
// the interviews ahead with the categories they probe.
type coverageData struct {
	Stories []storyRow
	Rows    []coverageView
	Needs   []interviewNeed
}

type coverageView struct {
	Row      practice.CoverageRow
	Cells    []bool // one per story of the grid, in order
	NeededBy []upcomingInterview
}

// Count says how many stories the category has against the 2–3 wanted.
func (c coverageView) Count() int { return len(c.Row.Stories) }

// interviewNeed is an interview ahead and the categories its rounds probe.
type interviewNeed struct {
	IV   upcomingInterview
	Cats []needCat
}

type needCat struct {
	ID, Name, Status string
}

// Short is true when one of the categories the interview probes has too
// few stories.
func (n interviewNeed) Short() bool {
	for _, c := range n.Cats {
		if c.Status != "ok" {
			return true
		}
	}
	return false
}

func (s *Server) coverage(stories []practice.Story, up []practice.Upcoming) coverageData {
	d := coverageData{}
	for _, st := range stories {
		d.Stories = append(d.Stories, s.storyRow(st))
	}
	ivs := s.interviewsOf(up)
	status := map[string]string{}
	for _, row := range s.lib.Coverage(stories, up) {
		v := coverageView{Row: row}
		for _, st := range stories {
			v.Cells = append(v.Cells, slices.Contains(row.Stories, st.ID))
		}
		for _, iv := range ivs {
			if slices.ContainsFunc(row.NeededBy, func(u practice.Upcoming) bool { return u.InterviewID == iv.ID }) {
				v.NeededBy = append(v.NeededBy, iv)
			}
		}
		status[row.Category.ID] = row.Status
		d.Rows = append(d.Rows, v)
	}
	for _, iv := range ivs {
		n := interviewNeed{IV: iv}
		for _, c := range s.lib.Behavioral.Categories {
			for _, k := range iv.Kinds {
				if slices.Contains(s.lib.Behavioral.RoundNeeds[k], c.ID) {
					n.Cats = append(n.Cats, needCat{ID: c.ID, Name: c.Name, Status: status[c.ID]})
					break
				}
			}
		}
		if len(n.Cats) > 0 {
			d.Needs = append(d.Needs, n)
		}
	}
	return d
}

type storiesPage struct {
	base
	Coverage coverageData
	Wanted   int
	Enough   int
	Notice   string
}

func (s *Server) storyList(w http.ResponseWriter, r *http.Request) {
	st, u, ok := s.practiceUser(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	stories, err := st.Stories(ctx, u.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	up, err := s.upcoming(ctx, u.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d := &storiesPage{Coverage: s.coverage(stories, up), Wanted: practice.StoriesWanted, Enough: practice.StoriesEnough}
	d.Title, d.Nav = "Stories", "practice"
	if r.URL.Query().Get("deleted") != "" {
		d.Notice = "The story was deleted."
	}
	s.render(w, r, "stories", d)
}

// storyFormPage is the new and edit form, with the checks of the story.
type storyFormPage struct {
	base
	New       bool
	S         practice.Story
	Companies string
	Cats      []catOption
	Action    string
	Error     string
	Saved     bool
	Findings  []practice.Finding
	Passed    int
	Words     int
	Spoken    string
	MaxField  int
	MaxTitle  int
	Questions []practice.Question // a few bank questions this story could answer
}

type catOption struct {
	practice.Category
	Checked bool
}

func (s *Server) storyForm(w http.ResponseWriter, r *http.Request, code int, d *storyFormPage) {
	d.MaxField, d.MaxTitle = practice.MaxStoryField, practice.MaxStoryTitle
	d.Nav = "practice"
	if d.New {
		d.Title, d.Action = "New story", "/stories"
	} else {
		d.Title, d.Action = d.S.Title+" · Stories", "/stories/"+itoa(d.S.ID)
	}
	for _, c := range s.lib.Behavioral.Categories {
		d.Cats = append(d.Cats, catOption{Category: c, Checked: slices.Contains(d.S.Categories, c.ID)})
	}
	if d.Companies == "" {
		d.Companies = strings.Join(d.S.Companies, ", ")
	}
	d.Words = practice.Words(d.S.Situation) + practice.Words(d.S.Task) + practice.Words(d.S.Action) + practice.Words(d.S.Result)
	d.Spoken = mmss(d.S.SpokenSeconds())
	if d.Words > 0 {
		d.Findings = practice.CheckStory(d.S)
		d.Passed = practice.Passed(d.Findings)
	}
	if !d.New {
		for _, c := range d.S.Categories {
			for _, q := range s.lib.QuestionsFor(c) {
				if len(d.Questions) < 3 && q.Categories[0] == c && !slices.ContainsFunc(d.Questions, func(x practice.Question) bool { return x.ID == q.ID }) {
					d.Questions = append(d.Questions, q)
				}
			}
		}
	}
	s.renderStatus(w, r, code, "story_form", d)
}

func (s *Server) newStory(w http.ResponseWriter, r *http.Request) {
	if _, _, ok := s.practiceUser(w, r); !ok {
		return
	}
	d := &storyFormPage{New: true}
	if c := r.URL.Query().Get("category"); c != "" {
		if _, ok := s.lib.Category(c); ok {
			d.S.Categories = []string{c}
		}
	}
	s.storyForm(w, r, http.StatusOK, d)
}

// readStory reads the story form.
func readStory(r *http.Request) (practice.Story, string) {
	st := practice.Story{
		Title: formString(r, "title"), Situation: formText(r, "situation"), Task: formText(r, "task"),
		Action: formText(r, "action"), Result: formText(r, "result"), Categories: r.PostForm["category"],
	}
	companies := r.PostFormValue("companies")
	for _, c := range strings.Split(companies, ",") {
		st.Companies = append(st.Companies, c)
	}
	return st, strings.TrimSpace(companies)
}

func (s *Server) createStory(w http.ResponseWriter, r *http.Request) {
	st, u, ok := s.practiceUser(w, r)
	if !ok {
		return
	}
	if err := s.parseForm(w, r); err != nil {
		s.fail(w, r, err)
		return
	}
	story, companies := readStory(r)
	err := story.Validate()
	if err == nil {
		err = st.SaveStory(r.Context(), u.ID, &story)
	}
	if err != nil {
		if !userError(err) {
			s.fail(w, r, err)
			return
		}
		s.storyForm(w, r, status(err, true), &storyFormPage{New: true, S: story, Companies: companies, Error: message(err)})
		return
	}
	seeOther(w, r, "/stories/"+itoa(story.ID)+"?saved=1")
}

// storyOf loads the story the path names.
func (s *Server) storyOf(w http.ResponseWriter, r *http.Request) (practice.Store, *tracker.User, practice.Story, bool) {
	st, u, ok := s.practiceUser(w, r)
	if !ok {
		return nil, nil, practice.Story{}, false
	}
	id, err := pathID(r, "id")
	if err != nil {
		s.fail(w, r, err)
		return nil, nil, practice.Story{}, false
	}
	story, err := st.Story(r.Context(), u.ID, id)
	if err != nil {
		s.fail(w, r, err)
		return nil, nil, practice.Story{}, false
	}
	return st, u, story, true
}

func (s *Server) showStory(w http.ResponseWriter, r *http.Request) {
	_, _, story, ok := s.storyOf(w, r)
	if !ok {
		return
	}
	s.storyForm(w, r, http.StatusOK, &storyFormPage{S: story, Saved: r.URL.Query().Get("saved") != ""})
}

func (s *Server) updateStory(w http.ResponseWriter, r *http.Request) {
	st, u, old, ok := s.storyOf(w, r)
	if !ok {
		return
	}
	if err := s.parseForm(w, r); err != nil {
		s.fail(w, r, err)
		return
	}
	story, companies := readStory(r)
	story.ID, story.CreatedAt = old.ID, old.CreatedAt
	err := story.Validate()
	if err == nil {
		err = st.SaveStory(r.Context(), u.ID, &story)
	}
	if err != nil {
		if !userError(err) {
			s.fail(w, r, err)
			return
		}
		s.storyForm(w, r, status(err, true), &storyFormPage{S: story, Companies: companies, Error: message(err)})
		return
	}
	seeOther(w, r, "/stories/"+itoa(story.ID)+"?saved=1")
}

type storyDeletePage struct {
	base
	S practice.Story
}

func (s *Server) confirmDeleteStory(w http.ResponseWriter, r *http.Request) {
	_, _, story, ok := s.storyOf(w, r)
	if !ok {
		return
	}
	d := &storyDeletePage{S: story}
	d.Title, d.Nav = "Delete story", "practice"
	s.render(w, r, "story_delete", d)
}

func (s *Server) deleteStory(w http.ResponseWriter, r *http.Request) {
	st, u, story, ok := s.storyOf(w, r)
	if !ok {
		return
	}
	if err := st.DeleteStory(r.Context(), u.ID, story.ID); err != nil {
		s.fail(w, r, err)
		return
	}
	seeOther(w, r, "/stories?deleted=1")
}

// storyPracticePage is a drawn question with the stories that fit it.
type storyPracticePage struct {
	base
	Q          practice.Question
	Cats       []practice.Category
	Category   string // the filter
	Categories []filterOption
	Matches    []matchView
	Stories    int
	Another    string
	Target     int // seconds an answer should take
}

type matchView struct {
	practice.Match
	Link   string
	Spoken string
	Passed int
	Checks int
}

// matchesShown is how many stories the practice page suggests.
const matchesShown = 3

func (s *Server) storyPractice(w http.ResponseWriter, r *http.Request) {
	st, u, ok := s.practiceUser(w, r)
	if !ok {
		return
	}
	q := r.URL.Query()
	d := &storyPracticePage{Category: strings.TrimSpace(q.Get("category")), Target: 120}
	d.Title, d.Nav = "Practice a question · Stories", "practice"
	if _, ok := s.lib.Category(d.Category); d.Category != "" && !ok {
		s.fail(w, r, errs.NotFoundf("there is no category %q; the categories are %s", d.Category, strings.Join(practice.CategoryIDs, ", ")))
		return
	}
	pool := s.lib.QuestionsFor(d.Category)
	if id := q.Get("q"); id != "" {
		i := slices.IndexFunc(s.lib.Behavioral.Questions, func(x practice.Question) bool { return x.ID == id })
		if i < 0 {
			s.fail(w, r, errs.NotFoundf("there is no behavioral question %q", id))
			return
		}
		d.Q = s.lib.Behavioral.Questions[i]
	} else {
		if len(pool) == 0 {
			s.fail(w, r, errs.NotFoundf("the bank has no question in this category"))
			return
		}
		// Another question: never the one just shown, when there is a choice.
		if after := q.Get("after"); after != "" && len(pool) > 1 {
			pool = slices.DeleteFunc(slices.Clone(pool), func(x practice.Question) bool { return x.ID == after })
		}
		d.Q = pool[rand.IntN(len(pool))]
	}
	for _, c := range d.Q.Categories {
		if cat, ok := s.lib.Category(c); ok {
			d.Cats = append(d.Cats, cat)
		}
	}
	for _, c := range s.lib.Behavioral.Categories {
		d.Categories = append(d.Categories, filterOption{Value: c.ID, Title: c.Name, Count: len(s.lib.QuestionsFor(c.ID))})
	}
	another := url.Values{"after": {d.Q.ID}}
	if d.Category != "" {
		another.Set("category", d.Category)
	}
	d.Another = "/stories/practice?" + another.Encode()
	stories, err := st.Stories(r.Context(), u.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d.Stories = len(stories)
	for i, m := range practice.BestStories(d.Q, stories) {
		if i == matchesShown {
			break
		}
		fs := practice.CheckStory(m.Story)
		d.Matches = append(d.Matches, matchView{Match: m, Link: "/stories/" + itoa(m.Story.ID), Spoken: mmss(m.Story.SpokenSeconds()),
			Passed: practice.Passed(fs), Checks: len(fs)})
	}
	s.render(w, r, "story_practice", d)
}
