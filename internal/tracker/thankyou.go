package tracker

import (
	"fmt"
	"strings"
	"sync"
	"text/template"

	"github.com/offerloop/offerloop/internal/content"
)

// Draft is a thank-you email ready to copy or open in a mail program.
type Draft struct {
	To      string `json:"to"` // comma-separated addresses; may be empty
	Subject string `json:"subject"`
	Body    string `json:"body"`
	Mailto  string `json:"mailto"`
	// Missing lists what the user should add to make the note specific.
	Missing []string `json:"missing,omitempty"`
}

type thankYouData struct {
	Greeting, Role, Company, Round, Detail, Sender string
}

var thankYouTemplates = sync.OnceValues(func() (*template.Template, error) {
	t := template.New("thankyou").Option("missingkey=error")
	for _, name := range []string{"thankyou.tmpl", "thankyou_subject.tmpl"} {
		b, err := content.ReadFile("tracker/" + name)
		if err != nil {
			return nil, err
		}
		if _, err := t.New(name).Parse(string(b)); err != nil {
			return nil, fmt.Errorf("content: tracker/%s: %w", name, err)
		}
	}
	return t, nil
})

// ThankYou drafts the thank-you note for an interview: addressed to its
// interviewers, naming the role and round, and built around the specific detail
// the user noted. sender is the user's name, or "" when unknown.
func ThankYou(iv *Interview, sender string) (Draft, error) {
	t, err := thankYouTemplates()
	if err != nil {
		return Draft{}, err
	}
	d := thankYouData{
		Greeting: firstNames(iv.Interviewers),
		Role:     iv.Role,
		Company:  iv.Company,
		Round:    iv.Title,
		Detail:   strings.TrimSpace(iv.Detail),
		Sender:   strings.TrimSpace(sender),
	}
	var body, subject strings.Builder
	if err := t.ExecuteTemplate(&body, "thankyou.tmpl", d); err != nil {
		return Draft{}, fmt.Errorf("thank-you draft: %w", err)
	}
	if err := t.ExecuteTemplate(&subject, "thankyou_subject.tmpl", d); err != nil {
		return Draft{}, fmt.Errorf("thank-you subject: %w", err)
	}
	var to []string
	for _, p := range iv.Interviewers {
		if p.Email != "" {
			to = append(to, p.Email)
		}
	}
	dr := Draft{To: strings.Join(to, ","), Subject: strings.TrimSpace(subject.String()), Body: strings.TrimSpace(body.String()) + "\n"}
	if d.Greeting == "" {
		dr.Missing = append(dr.Missing, "the interviewer's name")
	}
	if len(to) == 0 {
		dr.Missing = append(dr.Missing, "the interviewer's email")
	}
	if d.Detail == "" {
		dr.Missing = append(dr.Missing, "a specific point from the conversation")
	}
	if d.Sender == "" {
		dr.Missing = append(dr.Missing, "your name (set it in Settings)")
	}
	dr.Mailto = mailto(dr.To, dr.Subject, dr.Body)
	return dr, nil
}

// mailto builds an RFC 6068 link. Everything but unreserved characters is
// percent-encoded (spaces as %20, not +, which mail programs show literally), and
// line breaks are CRLF as the RFC asks.
func mailto(to, subject, body string) string {
	return "mailto:" + pctEncode(to, "@,") + "?subject=" + pctEncode(subject, "") +
		"&body=" + pctEncode(strings.ReplaceAll(body, "\n", "\r\n"), "")
}

func pctEncode(s, keep string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
			strings.IndexByte("-._~", c) >= 0 || strings.IndexByte(keep, c) >= 0 {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return b.String()
}
