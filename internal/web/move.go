package web

import (
	"html/template"
	"net/http"
	"strconv"
	"strings"

	"github.com/offerloop/offerloop/internal/tracker"
)

// newMoveSelects renders the board's move options once for each place an
// application can be, so that a board of thousands of cards does not escape the
// same eleven options thousands of times.
func newMoveSelects() map[string]template.HTML {
	var keys []string
	for _, k := range tracker.StageKinds {
		keys = append(keys, string(k))
	}
	for _, o := range tracker.Outcomes {
		keys = append(keys, string(o))
	}
	out := make(map[string]template.HTML, len(keys)+1)
	for _, cur := range append(keys, "") {
		var b strings.Builder
		b.WriteString(`<optgroup label="Stage">`)
		for _, k := range tracker.StageKinds {
			option(&b, string(k), k.Label(), cur)
		}
		b.WriteString(`</optgroup><optgroup label="Close as">`)
		for _, o := range tracker.Outcomes {
			option(&b, string(o), o.Label(), cur)
		}
		b.WriteString(`</optgroup>`)
		out[cur] = template.HTML(b.String())
	}
	return out
}

func option(b *strings.Builder, value, label, cur string) {
	b.WriteString(`<option value="`)
	b.WriteString(template.HTMLEscapeString(value))
	b.WriteString(`"`)
	if value == cur {
		b.WriteString(` selected`)
	}
	b.WriteString(`>`)
	b.WriteString(template.HTMLEscapeString(label))
	b.WriteString(`</option>`)
}

// moveSelect returns the options with the application's place selected.
func (s *Server) moveSelect(st tracker.State) template.HTML {
	if st.Outcome != "" {
		return s.moveSelects[string(st.Outcome)]
	}
	if h, ok := s.moveSelects[string(st.StageKind)]; ok {
		return h
	}
	return s.moveSelects[""]
}

// moveApplication moves an application to the stage or outcome named by the
// form's target: a stage kind or outcome from the board, a stage name from the
// application page. tracker.ResolveTarget picks the application's stage.
func (s *Server) moveApplication(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	id, u, ok := s.formFor(w, r)
	if !ok {
		return
	}
	stages, err := s.store.Stages(ctx, u.ID, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	m, err := tracker.ResolveTarget(stages, r.PostFormValue("target"))
	if err == nil {
		m.At, m.Note = s.now(), formString(r, "note")
		_, err = s.store.MoveApplication(ctx, u.ID, id, m)
	}
	back := returnURL(r, "/applications/"+itoa(id))
	switch {
	case err != nil && !wantsJSON(r) && back == "/applications/"+itoa(id) && userError(err):
		s.applicationFormError(w, r, id, "move", err)
	case err != nil:
		s.fail(w, r, err)
	case wantsJSON(r):
		a, err := s.store.FindApplication(ctx, u.ID, id)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		writeJSON(w, http.StatusOK, apiApp(a))
	default:
		seeOther(w, r, back)
	}
}

func itoa(id int64) string { return strconv.FormatInt(id, 10) }
