package practice

import (
	"fmt"
	"math"
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/offerloop/offerloop/internal/errs"
)

// Story is a behavioral story in STAR form.
type Story struct {
	ID         int64     `json:"id"`
	Title      string    `json:"title"`
	Situation  string    `json:"situation"`
	Task       string    `json:"task"`
	Action     string    `json:"action"`
	Result     string    `json:"result"`
	Categories []string  `json:"categories"`
	Companies  []string  `json:"companies"` // where it was told
	CreatedAt  time.Time `json:"created_at"`
	UpdatedAt  time.Time `json:"updated_at"`
}

// Limits on a story's fields.
const (
	MaxStoryField = 4000
	MaxStoryTitle = 200
)

// Validate checks a story before it is saved.
func (s *Story) Validate() error {
	s.Title = strings.TrimSpace(s.Title)
	if s.Title == "" {
		return errs.Invalidf("a story needs a title")
	}
	if utf8.RuneCountInString(s.Title) > MaxStoryTitle {
		return errs.Invalidf("the title is longer than %d characters", MaxStoryTitle)
	}
	for name, f := range map[string]string{"situation": s.Situation, "task": s.Task, "action": s.Action, "result": s.Result} {
		if utf8.RuneCountInString(f) > MaxStoryField || len(f) > 4*MaxStoryField {
			return errs.Invalidf("the %s is longer than %d characters", name, MaxStoryField)
		}
	}
	cats := []string{}
	for _, c := range s.Categories {
		c = strings.ToLower(strings.TrimSpace(c))
		if c == "" {
			continue
		}
		if !contains(CategoryIDs, c) {
			return errs.Invalidf("unknown category %q; the categories are %s", c, strings.Join(CategoryIDs, ", "))
		}
		if !contains(cats, c) {
			cats = append(cats, c)
		}
	}
	s.Categories = cats
	companies := []string{}
	for _, c := range s.Companies {
		if c = strings.TrimSpace(c); c != "" && !contains(companies, c) {
			companies = append(companies, c)
		}
	}
	s.Companies = companies
	return nil
}

// Words counts the words of a text.
func Words(s string) int { return len(strings.Fields(s)) }

// SpeakingRate is the pace the length check assumes: 150 words a minute.
const SpeakingRate = 150

// SpokenSeconds is how long the whole story takes to say at SpeakingRate.
func (s Story) SpokenSeconds() int {
	w := Words(s.Situation) + Words(s.Task) + Words(s.Action) + Words(s.Result)
	return int(math.Round(float64(w) * 60 / SpeakingRate))
}

// Finding is the result of one check on a story.
type Finding struct {
	Check   string `json:"check"` // parts, quantified, first_person, length, balance, blame
	OK      bool   `json:"ok"`
	Message string `json:"message"`
	Fix     string `json:"fix,omitempty"`
}

var (
	numberRe = regexp.MustCompile(`\d|%|\b(percent|half|halved|double|doubled|tripled|twice|thrice|tenfold|dozen|hundred|thousand|million|billion)\b`)
	firstSg  = regexp.MustCompile(`(?i)\b(i|i'm|i've|i'd|i'll|me|my|myself)\b`)
	firstPl  = regexp.MustCompile(`(?i)\b(we|we're|we've|we'd|we'll|us|our|ourselves)\b`)
	blameRe  = regexp.MustCompile(`(?i)\b(their fault|his fault|her fault|not my fault|wasn'?t my fault|blamed?|incompetent|lazy|useless|stupid|idiots?|clueless|careless|nobody listened|no one listened|refused to listen|dropped the ball|threw (me|us) under|didn'?t care|failed to do (his|her|their) job)\b`)
)

// Story length bounds, in spoken seconds: about two minutes.
const (
	minStorySeconds = 90
	maxStorySeconds = 150
)

// CheckStory runs every check on a story. Each finding that fails says how
// to fix it.
func CheckStory(s Story) []Finding {
	var out []Finding
	missing := []string{}
	for _, p := range []struct{ name, text string }{{"situation", s.Situation}, {"task", s.Task}, {"action", s.Action}, {"result", s.Result}} {
		if Words(p.text) < 3 {
			missing = append(missing, p.name)
		}
	}
	if len(missing) == 0 {
		out = append(out, Finding{Check: "parts", OK: true, Message: "Situation, task, action and result are all there."})
	} else {
		out = append(out, Finding{Check: "parts", Message: "Missing or too thin: " + strings.Join(missing, ", ") + ".",
			Fix: "Give every part at least a sentence: the situation in one or two, the task as the goal you owned, the action as your steps, the result as the outcome."})
	}

	res := strings.ToLower(s.Result)
	if numberRe.MatchString(res) {
		out = append(out, Finding{Check: "quantified", OK: true, Message: "The result has a number in it."})
	} else {
		out = append(out, Finding{Check: "quantified", Message: "The result has no number.",
			Fix: "Put a figure in the result: the metric before and after, latency or cost saved, users or revenue affected, weeks gained. An estimate you can defend beats none."})
	}

	sg, pl := len(firstSg.FindAllString(s.Action, -1)), len(firstPl.FindAllString(s.Action, -1))
	switch {
	case sg == 0:
		out = append(out, Finding{Check: "first_person", Message: "The action never says what you did: no \"I\" in it.",
			Fix: "Tell it as \"I proposed\", \"I built\", \"I convinced\". The interviewer is hiring you, not the team; keep \"we\" for context."})
	case pl > sg:
		out = append(out, Finding{Check: "first_person", Message: fmt.Sprintf("The action says \"we\" %d times and \"I\" %d times.", pl, sg),
			Fix: "Turn the team's steps you drove into \"I\" sentences, and say plainly which parts others did."})
	default:
		out = append(out, Finding{Check: "first_person", OK: true, Message: "The action is told in the first person."})
	}

	secs := s.SpokenSeconds()
	spoken := fmt.Sprintf("%d:%02d", secs/60, secs%60)
	switch {
	case secs < minStorySeconds:
		out = append(out, Finding{Check: "length", Message: fmt.Sprintf("About %s spoken; aim for about two minutes.", spoken),
			Fix: "Add the detail that shows judgement: the options you weighed, why you chose one, and what the result changed."})
	case secs > maxStorySeconds:
		out = append(out, Finding{Check: "length", Message: fmt.Sprintf("About %s spoken; aim for about two minutes.", spoken),
			Fix: "Cut the situation to two sentences and drop steps that do not show a decision of yours; the interviewer will ask for more."})
	default:
		out = append(out, Finding{Check: "length", OK: true, Message: fmt.Sprintf("About %s spoken, close to two minutes.", spoken)})
	}

	total := Words(s.Situation) + Words(s.Task) + Words(s.Action) + Words(s.Result)
	if total > 0 {
		setup := float64(Words(s.Situation)+Words(s.Task)) / float64(total)
		if setup > 1.0/3 {
			out = append(out, Finding{Check: "balance", Message: fmt.Sprintf("Situation and task take %.0f%% of the story.", setup*100),
				Fix: "Keep the setup under a third; the action and the result are what get scored."})
		} else {
			out = append(out, Finding{Check: "balance", OK: true, Message: "Most of the story is action and result."})
		}
	}

	all := s.Situation + " " + s.Task + " " + s.Action + " " + s.Result
	if m := blameRe.FindString(all); m != "" {
		out = append(out, Finding{Check: "blame", Message: fmt.Sprintf("It assigns blame (%q).", m),
			Fix: "Describe what happened and what you did about it; let the facts speak about others. Interviewers hear blame as a warning about how you work with people."})
	} else {
		out = append(out, Finding{Check: "blame", OK: true, Message: "No blame of others."})
	}
	return out
}

// Passed counts the checks a story passes.
func Passed(fs []Finding) int {
	n := 0
	for _, f := range fs {
		if f.OK {
			n++
		}
	}
	return n
}

// Upcoming is an interview ahead, as the practice pages need it.
type Upcoming struct {
	InterviewID int64     `json:"interview_id"`
	Company     string    `json:"company"`
	Title       string    `json:"title"`
	Kind        string    `json:"kind"`
	At          time.Time `json:"at"`
	// Own is true for the interview's own round; false for a round later in
	// the same loop, not yet scheduled.
	Own bool `json:"own"`
}

// Story counts the coverage grid asks for, per category.
const (
	StoriesWanted = 2
	StoriesEnough = 3
)

// CoverageRow is one category of the coverage grid.
type CoverageRow struct {
	Category Category   `json:"category"`
	Stories  []int64    `json:"stories"`
	Status   string     `json:"status"` // missing, thin, ok
	NeededBy []Upcoming `json:"needed_by"`
}

// Coverage builds the grid of categories × stories, with the upcoming
// interviews whose round kinds probe each category.
func (l *Library) Coverage(stories []Story, upcoming []Upcoming) []CoverageRow {
	rows := make([]CoverageRow, 0, len(l.Behavioral.Categories))
	for _, c := range l.Behavioral.Categories {
		r := CoverageRow{Category: c, Stories: []int64{}, NeededBy: []Upcoming{}}
		for _, s := range stories {
			if contains(s.Categories, c.ID) {
				r.Stories = append(r.Stories, s.ID)
			}
		}
		switch {
		case len(r.Stories) == 0:
			r.Status = "missing"
		case len(r.Stories) < StoriesWanted:
			r.Status = "thin"
		default:
			r.Status = "ok"
		}
		for _, u := range upcoming {
			if contains(l.Behavioral.RoundNeeds[u.Kind], c.ID) {
				r.NeededBy = append(r.NeededBy, u)
			}
		}
		rows = append(rows, r)
	}
	return rows
}

// Match is a story suggested for a question.
type Match struct {
	Story Story  `json:"story"`
	Score int    `json:"score"`
	Why   string `json:"why"`
}

// BestStories ranks the user's stories for a question: the primary category
// counts most, then other categories, then the question's keywords found in
// the story. Stories with no link to the question are left out.
func BestStories(q Question, stories []Story) []Match {
	var out []Match
	for _, s := range stories {
		score, why := 0, []string{}
		for i, c := range q.Categories {
			if contains(s.Categories, c) {
				if i == 0 {
					score += 6
				} else {
					score += 3
				}
				why = append(why, c)
			}
		}
		text := strings.ToLower(s.Title + " " + s.Situation + " " + s.Task + " " + s.Action + " " + s.Result)
		words := wordSet(text)
		hits := []string{}
		for _, k := range q.Keywords {
			k = strings.ToLower(k)
			if strings.Contains(k, " ") && strings.Contains(text, k) || words[k] || words[stem(k)] {
				hits = append(hits, k)
			}
		}
		score += 2 * len(hits)
		if score == 0 {
			continue
		}
		reason := ""
		if len(why) > 0 {
			reason = "tagged " + strings.Join(why, ", ")
		}
		if len(hits) > 0 {
			if reason != "" {
				reason += "; "
			}
			reason += "mentions " + strings.Join(hits, ", ")
		}
		out = append(out, Match{Story: s, Score: score, Why: reason})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Score > out[j].Score })
	return out
}

func wordSet(text string) map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' }) {
		set[w] = true
		set[stem(w)] = true
	}
	return set
}

// stem strips the commonest English endings so "mentored" meets "mentor".
func stem(w string) string {
	for _, suf := range []string{"ing", "ed", "es", "s"} {
		if len(w) > len(suf)+3 && strings.HasSuffix(w, suf) {
			return strings.TrimSuffix(w, suf)
		}
	}
	return w
}

// QuestionsFor returns the bank's questions in a category (primary or not),
// or all of them when category is empty.
func (l *Library) QuestionsFor(category string) []Question {
	var out []Question
	for _, q := range l.Behavioral.Questions {
		if category == "" || contains(q.Categories, category) {
			out = append(out, q)
		}
	}
	return out
}
