package drill

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/offerloop/offerloop/internal/errs"
)

func TestParseCSV(t *testing.T) {
	in := "\xef\xbb\xbfPrompt,Answer,Topic,Tags,Difficulty,Round,id\n" +
		"What is dropout?,\"Randomly zeroes activations.\n\n- scales by 1/(1-p)\",Deep Learning,\"dl regularisation\",1,phone_screen,\n" +
		"What is an epoch?,One pass over the data.,,,,,my-epoch\n"
	cards, err := ParseCSV(strings.NewReader(in), ImportDefaults{Topic: "misc"})
	if err != nil {
		t.Fatal(err)
	}
	want := []Card{
		{ID: GenerateID("What is dropout?"), Topic: "deep-learning", Round: RoundPhoneScreen, Difficulty: 1, Prompt: "What is dropout?",
			Answer: "Randomly zeroes activations.\n\n- scales by 1/(1-p)", Tags: []string{"dl", "regularisation"}, User: true},
		{ID: "my-epoch", Topic: "misc", Round: RoundTheory, Difficulty: 2, Prompt: "What is an epoch?", Answer: "One pass over the data.", User: true},
	}
	if diff := cmp.Diff(want, cards); diff != "" {
		t.Errorf("ParseCSV (-want +got):\n%s", diff)
	}
	if id := GenerateID("What is dropout?"); !strings.HasPrefix(id, "user-") || len(id) != 15 || id != GenerateID("  What is dropout? ") {
		t.Errorf("GenerateID = %q", id)
	}
}

func TestParseCSVErrors(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", "empty"},
		{"no answer column", "prompt,topic\nq,t\n", "answer column"},
		{"unknown column", "prompt,answer,colour\nq,a,red\n", `line 1: unknown column "colour"`},
		{"twice", "prompt,answer,Prompt\nq,a,q\n", "twice"},
		{"no cards", "prompt,answer,topic\n", "no cards"},
		{"no topic", "prompt,answer\nq,a\n", "line 2: the card needs a topic"},
		{"bad difficulty", "prompt,answer,topic,difficulty\nq,a,t,1\nq2,a,t,hard\n", "line 3: difficulty"},
		{"out of range", "prompt,answer,topic,difficulty\nq,a,t,7\n", "line 2:"},
		{"bad round", "prompt,answer,topic,round\nq,a,t,coding\n", "line 2:"},
		{"empty answer", "prompt,answer,topic\nq,,t\n", "line 2:"},
		{"same prompt", "prompt,answer,topic\n\"multi\nline\",a,t\nq,a,t\nq,b,t\n", "line 5: card id user-"},
		{"bad id", "id,prompt,answer,topic\na b,q,a,t\n", "line 2:"},
		{"long tag", "prompt,answer,topic,tags\nq,a,t," + strings.Repeat("x", 41) + "\n", "line 2: card"},
		{"too many fields", "prompt,answer,topic\nq,a,t,extra\n", "line 2 has 4 fields"},
		{"bad quote", "prompt,answer,topic\n\"q,a,t\n", "line"},
		{"not utf-8", "prompt,answer,topic\nq\xff,a,t\n", "line 2:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cards, err := ParseCSV(strings.NewReader(tt.in), ImportDefaults{})
			if errs.CodeOf(err) != errs.Invalid || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("ParseCSV = %d cards, %v; want an invalid error with %q", len(cards), err, tt.want)
			}
			if cards != nil {
				t.Errorf("a failed parse returned %d cards", len(cards))
			}
		})
	}
}

func bankCards(t *testing.T) []Card {
	t.Helper()
	b, err := LoadBank()
	if err != nil {
		t.Fatal(err)
	}
	return b.Cards()
}

func TestCSVRoundTrip(t *testing.T) {
	cards := bankCards(t)
	var buf bytes.Buffer
	if err := WriteCSV(&buf, cards); err != nil {
		t.Fatal(err)
	}
	got, err := ParseCSV(&buf, ImportDefaults{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(cards, got, cmpopts.IgnoreFields(Card{}, "User"), cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("bank → CSV → cards changed (-want +got):\n%s", diff)
	}
}

func TestAnkiRoundTrip(t *testing.T) {
	cards := bankCards(t)
	var first bytes.Buffer
	if err := WriteAnki(&first, cards); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(first.String(), "#separator:tab\n#html:true\n#tags column:3\n") {
		t.Errorf("Anki file starts %q", first.String()[:60])
	}
	for i, l := range strings.Split(strings.TrimSuffix(first.String(), "\n"), "\n")[3:] {
		if n := strings.Count(l, "\t"); n != 2 {
			t.Fatalf("note %d has %d tabs, want 2 (one line a note, three fields): %q", i+1, n, l)
		}
	}
	got, err := ParseAnki(bytes.NewReader(first.Bytes()), ImportDefaults{})
	if err != nil {
		t.Fatal(err)
	}
	// Ids, topics, rounds, difficulties and tags come back; the text comes
	// back as equivalent Markdown, which writes the same file again.
	if diff := cmp.Diff(cards, got, cmpopts.IgnoreFields(Card{}, "User", "Answer", "Prompt"), cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("bank → Anki → cards changed (-want +got):\n%s", diff)
	}
	var second bytes.Buffer
	if err := WriteAnki(&second, got); err != nil {
		t.Fatal(err)
	}
	if first.String() != second.String() {
		a, b := strings.Split(first.String(), "\n"), strings.Split(second.String(), "\n")
		for i := range min(len(a), len(b)) {
			if a[i] != b[i] {
				t.Fatalf("export → import → export differs on line %d:\n%s\n%s", i+1, a[i], b[i])
			}
		}
		t.Fatalf("export → import → export: %d lines, then %d", len(a), len(b))
	}
	for i := range cards {
		if cards[i].Prompt != got[i].Prompt && !strings.ContainsAny(cards[i].Prompt, "*`") {
			t.Errorf("prompt %q came back as %q", cards[i].Prompt, got[i].Prompt)
		}
	}
}

func TestMarkdownHTML(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Plain <text> & \"quotes\"", "Plain &lt;text&gt; &amp; &#34;quotes&#34;"},
		{"Two\nlines", "Two<br>lines"},
		{"One.\n\nTwo.", "<p>One.</p><p>Two.</p>"},
		{"**Points**\n- a `x<y`\n- **b** c", "<p><b>Points</b></p><ul><li>a <code>x&lt;y</code></li><li><b>b</b> c</li></ul>"},
		{"1. first\n2. second\n\nafter", "<ol><li>first</li><li>second</li></ol><p>after</p>"},
		{"- a\n1. b", "<ul><li>a</li></ul><ol><li>b</li></ol>"},
		{"tab\there", "tab&#9;here"},
		{"a ** b and `unclosed", "a ** b and `unclosed"},
		{"`**not bold**`", "<code>**not bold**</code>"},
	}
	for _, tt := range tests {
		if got := MarkdownHTML(tt.in); got != tt.want {
			t.Errorf("MarkdownHTML(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestHTMLMarkdown(t *testing.T) {
	tests := []struct{ in, want string }{
		{"<div>line one</div><div>line&nbsp;two</div>", "line one\nline two"},
		{"a<br>b<br/>c<BR />d", "a\nb\nc\nd"},
		{"<p>One.</p><p>Two <b>bold</b> <i>it</i> <code>x&lt;y</code></p>", "One.\n\nTwo **bold** *it* `x<y`"},
		{"Intro<ul><li>a</li><li>b</li></ul>Outro", "Intro\n- a\n- b\n\nOutro"},
		{"<ol><li>a</li><li>b</li></ol>", "1. a\n2. b"},
		{`<span style="color:red">red</span> <img src="x.png"><!-- note -->`, "red"},
		{"no html &amp; entities", "no html & entities"},
	}
	for _, tt := range tests {
		if got := HTMLMarkdown(tt.in); got != tt.want {
			t.Errorf("HTMLMarkdown(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseAnki(t *testing.T) {
	def := ImportDefaults{Topic: "From Anki", Round: RoundPhoneScreen}
	tests := []struct {
		name string
		in   string
		want []Card
	}{
		{"plain two columns", "What is a GAN?\tTwo networks in a game.\n\nWhat is VAE?\tAn autoencoder with a prior.\n", []Card{
			{ID: GenerateID("What is a GAN?"), Topic: "from-anki", Round: RoundPhoneScreen, Difficulty: 2, Prompt: "What is a GAN?", Answer: "Two networks in a game.", User: true},
			{ID: GenerateID("What is VAE?"), Topic: "from-anki", Round: RoundPhoneScreen, Difficulty: 2, Prompt: "What is VAE?", Answer: "An autoencoder with a prior.", User: true},
		}},
		{"three columns with html and tags", "Define <b>recall</b>\tTP / (TP + FN)<br>of the positives\tmetrics basics\n", []Card{
			{ID: GenerateID("Define **recall**"), Topic: "from-anki", Round: RoundPhoneScreen, Difficulty: 2, Prompt: "Define **recall**",
				Answer: "TP / (TP + FN)\nof the positives", Tags: []string{"metrics", "basics"}, User: true},
		}},
		{"Anki's own export", "#separator:tab\n#html:true\n#guid column:1\n#notetype column:2\n#deck column:3\n#tags column:6\n" +
			"Ej~P0.rl[#\tBasic\tML::Theory\t\"Why \"\"ReLU\"\"?\"\t<div>No saturation</div><div>for x &gt; 0</div>\tdl offerloop::topic::neural-networks offerloop::difficulty::3\n", []Card{
			{ID: GenerateID(`Why "ReLU"?`), Topic: "neural-networks", Round: RoundPhoneScreen, Difficulty: 3, Prompt: `Why "ReLU"?`,
				Answer: "No saturation\nfor x > 0", Tags: []string{"dl"}, User: true},
		}},
		{"html false keeps markup", "#separator:Semicolon\n#html:false\nQ <b>;A <i>\n", []Card{
			{ID: GenerateID("Q <b>"), Topic: "from-anki", Round: RoundPhoneScreen, Difficulty: 2, Prompt: "Q <b>", Answer: "A <i>", User: true},
		}},
		{"plain text with comparisons is not html", "Is precision<recall when threshold>0.5?\tNot always: a<b and c>d.\n", []Card{
			{ID: GenerateID("Is precision<recall when threshold>0.5?"), Topic: "from-anki", Round: RoundPhoneScreen, Difficulty: 2,
				Prompt: "Is precision<recall when threshold>0.5?", Answer: "Not always: a<b and c>d.", User: true},
		}},
		{"comments and crlf", "#separator:tab\r\n# a comment\r\nQ\tA\r\n", []Card{
			{ID: GenerateID("Q"), Topic: "from-anki", Round: RoundPhoneScreen, Difficulty: 2, Prompt: "Q", Answer: "A", User: true},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseAnki(strings.NewReader(tt.in), def)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ParseAnki (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseAnkiErrors(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", "no cards"},
		{"headers only", "#separator:tab\n#html:true\n", "no cards"},
		{"one field", "#separator:tab\nQ\tA\tofferloop::topic::t\nonly a front\n", "line 3: a card needs a front and a back"},
		{"no topic", "Q\tA\n", "line 1: the card needs a topic"},
		{"bad separator", "#separator:\"\nQ\tA\n", "line 1: unknown separator"},
		{"bad column", "#tags column:x\nQ\tA\n", "line 1: tags column"},
		{"bad difficulty tag", "Q\tA\tofferloop::topic::t offerloop::difficulty::hard\n", "line 1: difficulty"},
		{"bad round tag", "Q\tA\tofferloop::topic::t offerloop::round::coding\n", "line 1:"},
		{"same front twice", "#html:true\nQ\tA\tofferloop::topic::t\nQ\tB\tofferloop::topic::t\n", "line 3: card id"},
		{"empty back", "#html:true\nQ\t<br>\tofferloop::topic::t\n", "line 2:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cards, err := ParseAnki(strings.NewReader(tt.in), ImportDefaults{})
			if errs.CodeOf(err) != errs.Invalid || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("ParseAnki = %d cards, %v; want an invalid error with %q", len(cards), err, tt.want)
			}
		})
	}
}

// checkParsed is what both fuzz targets require of a parse: no panic, an
// Invalid error or valid cards with unique ids.
func checkParsed(t *testing.T, cards []Card, err error) {
	t.Helper()
	if err != nil {
		if errs.CodeOf(err) != errs.Invalid || cards != nil {
			t.Fatalf("error %v (code %s) with %d cards; want an invalid error and no cards", err, errs.CodeOf(err), len(cards))
		}
		return
	}
	seen := map[string]bool{}
	for _, c := range cards {
		if err := c.Validate(); err != nil {
			t.Fatalf("parsed card is not valid: %v", err)
		}
		if seen[c.ID] {
			t.Fatalf("card id %s twice", c.ID)
		}
		seen[c.ID] = true
	}
}

func FuzzParseCSV(f *testing.F) {
	f.Add("prompt,answer,topic\nq,a,t\n")
	f.Add("id,topic,round,difficulty,prompt,answer,tags\nx,t,phone_screen,3,\"multi\nline\",a,\"a b\"\n")
	f.Add("\xef\xbb\xbfPrompt,Answer\n\"q,a\n")
	f.Add("prompt,answer,topic,difficulty\nq,a,t,99999999999999999999\n")
	f.Fuzz(func(t *testing.T, in string) {
		cards, err := ParseCSV(strings.NewReader(in), ImportDefaults{Topic: "fuzz"})
		checkParsed(t, cards, err)
		if err == nil {
			var buf bytes.Buffer
			if err := WriteCSV(&buf, cards); err != nil {
				t.Fatal(err)
			}
			again, err := ParseCSV(&buf, ImportDefaults{})
			if err != nil || len(again) != len(cards) {
				t.Fatalf("written cards do not parse again: %d, %v", len(again), err)
			}
		}
	})
}

func FuzzParseAnki(f *testing.F) {
	f.Add("Q\tA\n")
	f.Add("#separator:tab\n#html:true\n#tags column:3\nQ <b>x</b>\t<ul><li>a</li></ul>\tt offerloop::topic::x\n")
	f.Add("#separator:Comma\n#guid column:1\n#deck column:2\ng,d,\"q\"\"\",a\n")
	f.Add("#separator:|\nq|<ol><li>a<li>b</ol>|\n")
	f.Fuzz(func(t *testing.T, in string) {
		cards, err := ParseAnki(strings.NewReader(in), ImportDefaults{Topic: "fuzz"})
		checkParsed(t, cards, err)
		if err == nil {
			var buf bytes.Buffer
			if err := WriteAnki(&buf, cards); err != nil {
				t.Fatal(err)
			}
			again, err := ParseAnki(&buf, ImportDefaults{})
			if err != nil || len(again) != len(cards) {
				t.Fatalf("written cards do not parse again: %d, %v", len(again), err)
			}
		}
	})
}

// TestAnkiRoundTripHashPrompt: a file's header lines start with "#", so a
// first card whose prompt does too must not be read as one and lost.
func TestAnkiRoundTripHashPrompt(t *testing.T) {
	cards := []Card{
		{ID: "h1", Topic: "ab-testing", Round: RoundTheory, Difficulty: 2, Prompt: "#1 mistake in A/B tests: what is it?", Answer: "Peeking.", User: true},
		{ID: "h2", Topic: "ab-testing", Round: RoundTheory, Difficulty: 2, Prompt: "#separator: a trick question?", Answer: "No.", User: true},
	}
	var b bytes.Buffer
	if err := WriteAnki(&b, cards); err != nil {
		t.Fatal(err)
	}
	got, err := ParseAnki(bytes.NewReader(b.Bytes()), ImportDefaults{})
	if err != nil {
		t.Fatalf("ParseAnki: %v\n%s", err, b.String())
	}
	if diff := cmp.Diff(cards, got, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("cards → Anki → cards changed (-want +got):\n%s\nfile:\n%s", diff, b.String())
	}
}
