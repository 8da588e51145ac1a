package resume

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"compress/zlib"
	"fmt"
	"io"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/offerloop/offerloop/internal/errs"
	"github.com/offerloop/offerloop/internal/resume/internal/pdf"
)

// Panics in Read fail the tests instead of turning into errors.
func init() { strictPanics = true }

func fixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// index returns the index of the first line containing s, or -1.
func index(lines []Line, s string) int {
	for i, ln := range lines {
		if strings.Contains(ln.Text, s) {
			return i
		}
	}
	return -1
}

func find(t *testing.T, lines []Line, s string) Line {
	t.Helper()
	i := index(lines, s)
	if i < 0 {
		t.Fatalf("no line contains %q", s)
	}
	return lines[i]
}

func dump(lines []Line) string {
	var b strings.Builder
	for _, ln := range lines {
		fmt.Fprintf(&b, "  p%d bullet=%v heading=%v %q\n", ln.Page, ln.Bullet, ln.Heading, ln.Text)
	}
	return b.String()
}

func TestReadFixtures(t *testing.T) {
	tests := []struct {
		file     string
		format   Format
		pages    int
		columns  int
		tables   bool
		inOrder  []string // lines containing these, in this order
		bullets  []string // lines that must be bullets
		headings []string // lines that must be headings
	}{
		{
			file: "one-column.pdf", format: FormatPDF, pages: 1, columns: 1,
			inOrder: []string{"Priya Raman", "priya.raman@example.com | (415) 555-0142 | linkedin.com/in/priyaraman | github.com/priyaraman",
				"SUMMARY", "SKILLS", "Languages Python, SQL, Go, C++", "EXPERIENCE",
				"Senior Machine Learning Engineer, Lumen Commerce, San Francisco, CA Mar 2022 – Present",
				"Built a two-tower retrieval model", "Responsible for the feature pipeline", "Machine Learning Engineer, Northwind Health",
				"PROJECTS", "I wrote a caching layer", "EDUCATION", "M.S. Computer Science (Machine Learning)"},
			bullets: []string{
				// Wrapped over two lines on the page, read as one.
				"Built a two-tower retrieval model in PyTorch serving 40M daily users, lifting add-to-cart rate 6.2% in an A/B test against the BM25 baseline",
				"Fine-tuned a BioBERT named-entity model to 0.89 F1 on the i2b2 2010 test set, up from 0.81 for the rule-based system",
				"Worked on model monitoring dashboards", "Achieved 95% accuracy on the readmission model"},
			headings: []string{"Priya Raman", "SUMMARY", "EXPERIENCE", "EDUCATION"},
		},
		{
			file: "two-column.pdf", format: FormatPDF, pages: 1, columns: 2,
			inOrder: []string{"Marcus Lindqvist", "Machine Learning Engineer, search and recommendations",
				"Contact", "marcus.lindqvist@example.org", "linkedin.com/in/marcuslindqvist", "Skills", "Languages: Python, Scala, SQL,",
				"Education", "M.S. Statistics", "Carleton College, 2016", "Certifications",
				"Summary", "Experience", "Staff Machine Learning Engineer, Cascade Marketplace", "Designed a LightGBM LambdaMART ranker",
				"Machine Learning Engineer, Brightside Media", "Projects", "Trained a 20M-parameter decoder"},
			bullets: []string{"Designed a LightGBM LambdaMART ranker over 300 features for 12M listings, raising search NDCG@10 from 0.412 to 0.447 offline and bookings 3.8% online",
				"Responsible for the recommendations roadmap", "Achieved 92% accuracy on the churn model"},
			headings: []string{"Marcus Lindqvist", "Contact", "Skills", "Experience", "Projects"},
		},
		{
			file: "two-page.pdf", format: FormatPDF, pages: 2, columns: 1,
			inOrder: []string{"Elena Petrova", "Summary", "Experience", "Staff Machine Learning Engineer, Harbor AI",
				"Northstar Search", "Sonora Voice", "Projects", "Publications", "Education", "Awards"},
			bullets: []string{"Built a cross-encoder re-ranker distilled to 4 layers, raising NDCG@10 by 4.2 points online at 35 ms p99 on CPU",
				"Worked on various infrastructure projects"},
			headings: []string{"Experience", "Education"},
		},
		{
			file: "permissions.pdf", format: FormatPDF, pages: 1, columns: 1,
			inOrder: []string{"Priya Raman", "SUMMARY", "EXPERIENCE", "EDUCATION"},
			bullets: []string{"Deployed models to production"},
		},
		{
			file: "objstm.pdf", format: FormatPDF, pages: 1, columns: 1,
			inOrder: []string{"Priya Raman", "SUMMARY", "EXPERIENCE", "EDUCATION"},
			bullets: []string{"Deployed models to production"},
		},
		{
			file: "resume.docx", format: FormatDOCX, pages: 1, columns: 1, tables: true,
			inOrder: []string{"Aisha Bello", "aisha.bello@example.com | (512) 555-0163 | LinkedIn (https://www.linkedin.com/in/aishabello) | github.com/aishabello",
				"Summary", "Skills", "Languages", "Python, SQL, TypeScript", "Methods", "Experience",
				"Machine Learning Engineer, Lexicon Legal, Austin, TX Apr 2022 – Present", "Fine-tuned a RoBERTa model",
				"Responsible for maintaining the annotation tool", "Data Scientist, Brightwave Telecom", "Projects", "Education",
				"B.S. Statistics, University of Lagos"},
			bullets:  []string{"Responsible for maintaining the annotation tool", "Achieved 93% accuracy on sentiment analysis"},
			headings: []string{"Aisha Bello", "Summary", "Experience", "Education"},
		},
		{
			file: "resume.md", format: FormatMarkdown, pages: 1, columns: 1,
			inOrder: []string{"Aisha Bello", "aisha.bello@example.com | (512) 555-0163 | LinkedIn (https://www.linkedin.com/in/aishabello) | github.com/aishabello",
				"Summary", "natural language processing: information", "Experience", "Machine Learning Engineer, Lexicon Legal",
				"Fine-tuned a RoBERTa model", "Open-source: spacy-dates (https://github.com/aishabello/spacy-dates)", "Education",
				"M.S. Computer Science, The University of Texas at Austin, 2020"},
			bullets: []string{"Fine-tuned a RoBERTa model to extract 22 clause types from contracts, raising macro F1 from 0.74 to 0.88 on 3,000 held-out documents and cutting review time per contract by 35%",
				"Worked on prompt engineering for the summarization feature", "Languages: Python, SQL, TypeScript"},
			headings: []string{"Aisha Bello", "Summary", "Skills", "Experience", "Machine Learning Engineer, Lexicon Legal, Austin, TX"},
		},
		{
			file: "resume.txt", format: FormatText, pages: 1, columns: 1,
			inOrder: []string{"AISHA BELLO", "linkedin.com/in/aishabello", "SUMMARY", "SKILLS", "EXPERIENCE",
				"Machine Learning Engineer, Lexicon Legal, Austin, TX Apr 2022 - Present", "Fine-tuned a RoBERTa model", "PROJECTS", "EDUCATION"},
			bullets: []string{"Set up active learning that chose 8k of 400k unlabeled clauses to annotate, reaching the same F1 with 60% fewer labels",
				"Helped with dashboards for the customer care team"},
			headings: []string{"AISHA BELLO", "SUMMARY", "EXPERIENCE"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			doc, err := Read(tt.file, fixture(t, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			if doc.Format != tt.format || doc.Pages != tt.pages || doc.Columns != tt.columns || doc.Tables != tt.tables || doc.TextBoxes {
				t.Errorf("format %s pages %d columns %d tables %v text boxes %v, want %s %d %d %v false",
					doc.Format, doc.Pages, doc.Columns, doc.Tables, doc.TextBoxes, tt.format, tt.pages, tt.columns, tt.tables)
			}
			last := -1
			for _, s := range tt.inOrder {
				i := index(doc.Lines[last+1:], s)
				if i < 0 {
					t.Fatalf("no line containing %q after line %d:\n%s", s, last, dump(doc.Lines))
				}
				last += 1 + i
			}
			for _, s := range tt.bullets {
				if ln := find(t, doc.Lines, s); !ln.Bullet || ln.Heading {
					t.Errorf("%q: bullet %v heading %v, want a bullet", s, ln.Bullet, ln.Heading)
				}
			}
			for _, s := range tt.headings {
				if ln := find(t, doc.Lines, s); !ln.Heading || ln.Bullet {
					t.Errorf("%q: heading %v bullet %v, want a heading", s, ln.Heading, ln.Bullet)
				}
			}
			for _, ln := range doc.Lines {
				if ln.Text == "" || ln.Text != strings.TrimSpace(ln.Text) || strings.Contains(ln.Text, "  ") {
					t.Errorf("line not cleaned: %q", ln.Text)
				}
				if strings.HasPrefix(ln.Text, "•") {
					t.Errorf("bullet glyph kept: %q", ln.Text)
				}
				if ln.Page < 1 || ln.Page > doc.Pages {
					t.Errorf("line on page %d of %d: %q", ln.Page, doc.Pages, ln.Text)
				}
			}
		})
	}
}

// The sidebar of the two-column resume is read whole before the main
// column, and the warning says so.
func TestTwoColumnReadsLeftFirst(t *testing.T) {
	doc, err := Read("two-column.pdf", fixture(t, "two-column.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	sidebar := []string{"Contact", "marcus.lindqvist@example.org", "+1 (206) 555-0187", "github.com/mlindqvist", "Seattle, WA",
		"Skills", "recall@k", "Education", "University of Minnesota, 2018", "Carleton College, 2016", "Google Cloud Professional ML"}
	main := []string{"Summary", "Experience", "Staff Machine Learning Engineer", "Cut embedding refresh time", "Brightside Media",
		"Helped with the migration to GCP", "Projects", "Query autocomplete"}
	lastSide := -1
	for _, s := range sidebar {
		lastSide = max(lastSide, index(doc.Lines, s))
	}
	for _, s := range main {
		if i := index(doc.Lines, s); i <= lastSide {
			t.Errorf("%q (line %d) is read before the end of the sidebar (line %d):\n%s", s, i, lastSide, dump(doc.Lines))
		}
	}
	if len(doc.Warnings) == 0 || !strings.Contains(doc.Warnings[0], "two-column layout: read left column first") {
		t.Errorf("warnings %q", doc.Warnings)
	}
	// Page 1 also carries every line.
	if doc.Lines[len(doc.Lines)-1].Page != 1 {
		t.Errorf("last line on page %d", doc.Lines[len(doc.Lines)-1].Page)
	}
}

// Reading order comes from where glyphs stand, not from the order a PDF
// writer drew them in.
func TestLayoutIgnoresDrawingOrder(t *testing.T) {
	for _, file := range []string{"one-column.pdf", "two-column.pdf"} {
		r, err := pdf.Open(fixture(t, file), pdf.Limits{})
		if err != nil {
			t.Fatal(err)
		}
		pages, err := r.Pages()
		if err != nil {
			t.Fatal(err)
		}
		glyphs, err := r.Text(pages[0])
		if err != nil {
			t.Fatal(err)
		}
		want := layoutPage(glyphs, 1)
		rng := rand.New(rand.NewSource(1))
		for range 5 {
			shuffled := append([]pdf.Text(nil), glyphs...)
			rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
			got := layoutPage(shuffled, 1)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%s: shuffled glyphs read differently:\n%s\nwant\n%s", file, dump(got.lines), dump(want.lines))
			}
		}
	}
}

func TestScanIsExplained(t *testing.T) {
	_, err := Read("scan.pdf", fixture(t, "scan.pdf"))
	if errs.CodeOf(err) != errs.Invalid || !strings.Contains(errs.Message(err), "looks like a scanned image") ||
		!strings.Contains(errs.Message(err), "Export a text PDF") {
		t.Fatalf("got %v", err)
	}
}

func TestEncrypted(t *testing.T) {
	check := func(name string, data []byte) {
		t.Helper()
		_, err := Read(name, data)
		if errs.CodeOf(err) != errs.Invalid || !strings.Contains(errs.Message(err), "encrypted PDF: remove the password and export again") {
			t.Errorf("%s: got %v", name, err)
		}
	}
	check("encrypted.pdf", fixture(t, "encrypted.pdf"))
	// A hand-made file whose /Encrypt needs a password (RC4, wrong U entry).
	pad := strings.Repeat("A", 32)
	check("rc4.pdf", buildPDF([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
		"<< /Filter /Standard /V 2 /R 3 /Length 128 /P -4 /O (" + pad + ") /U (" + pad + ") >>",
	}, "/Encrypt 4 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>]"))
	// And one with a security handler nobody knows.
	check("pubsec.pdf", buildPDF([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [] /Count 0 >>",
		"<< /Filter /Adobe.PubSec /V 4 >>",
	}, "/Encrypt 3 0 R"))
}

// buildPDF lays out a PDF from object bodies numbered from 1, with a correct
// cross-reference table; extra goes into the trailer.
func buildPDF(objs []string, extra string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	offs := make([]int, len(objs))
	for i, o := range objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	x := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R %s >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, extra, x)
	return b.Bytes()
}

// streamObj is a stream object, Flate-compressed when flate is set.
func streamObj(dict string, data []byte, flate bool) string {
	if flate {
		var z bytes.Buffer
		w, _ := zlib.NewWriterLevel(&z, zlib.BestSpeed)
		w.Write(data)
		w.Close()
		data = z.Bytes()
		dict += " /Filter /FlateDecode"
	}
	return fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(data), data)
}

const helvetica = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"

// textPDF is a PDF of pages each drawing the given content stream with
// Helvetica as /F1.
func textPDF(contents ...string) []byte {
	objs := []string{"<< /Type /Catalog /Pages 2 0 R >>", "", helvetica}
	var kids []string
	for _, c := range contents {
		objs = append(objs, streamObj("", []byte(c), true))
		objs = append(objs, fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>", len(objs)))
		kids = append(kids, fmt.Sprintf("%d 0 R", len(objs)))
	}
	objs[1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(kids))
	return buildPDF(objs, "")
}

func TestHandMadePDF(t *testing.T) {
	doc, err := Read("simple.pdf", textPDF(
		"BT /F1 18 Tf 72 720 Td (Jane Doe) Tj ET BT /F1 10 Tf 72 700 Td (jane@example.com) Tj ET "+
			"BT /F1 10 Tf 72 680 Td (\\225 Shipped a model) Tj 0 -12 Td (- Wrote tests) Tj 0 -12 Td (3. Numbered item) Tj ET",
		"BT /F1 10 Tf 72 720 Td [(Page) -250 (two)] TJ ET"))
	if err != nil {
		t.Fatal(err)
	}
	want := []Line{
		{Text: "Jane Doe", Page: 1, Heading: true},
		{Text: "jane@example.com", Page: 1},
		{Text: "Shipped a model", Page: 1, Bullet: true},
		{Text: "Wrote tests", Page: 1, Bullet: true},
		{Text: "Numbered item", Page: 1, Bullet: true},
		{Text: "Page two", Page: 2},
	}
	if !reflect.DeepEqual(doc.Lines, want) || doc.Pages != 2 {
		t.Errorf("got pages %d\n%s", doc.Pages, dump(doc.Lines))
	}
}

// A grid of three aligned columns over several rows is a table.
func TestPDFTable(t *testing.T) {
	var c strings.Builder
	c.WriteString("BT /F1 10 Tf 72 720 Td (Some heading text for the page) Tj ET ")
	for i, row := range [][3]string{{"Python", "5 years", "Expert"}, {"SQL", "4 years", "Advanced"}, {"Go", "2 years", "Intermediate"}, {"Rust", "1 year", "Beginner"}} {
		y := 700 - 14*i
		for j, cell := range row {
			fmt.Fprintf(&c, "BT /F1 10 Tf %d %d Td (%s) Tj ET ", 72+150*j, y, cell)
		}
	}
	doc, err := Read("table.pdf", textPDF(c.String()))
	if err != nil {
		t.Fatal(err)
	}
	if !doc.Tables || doc.Columns != 1 {
		t.Errorf("tables %v columns %d\n%s", doc.Tables, doc.Columns, dump(doc.Lines))
	}
	find(t, doc.Lines, "Python 5 years Expert")
}

// A date column beside the entries lines up with them row by row: it is
// read across, not as a second column.
func TestPDFDateColumn(t *testing.T) {
	var c strings.Builder
	y := 720
	for i := range 4 {
		fmt.Fprintf(&c, "BT /F1 10 Tf 72 %d Td (20%d2 - 20%d4) Tj ET BT /F1 10 Tf 180 %d Td (Engineer at Company %d) Tj ET ", y, i, i, y, i)
		y -= 14
		for j := range 2 {
			fmt.Fprintf(&c, "BT /F1 10 Tf 180 %d Td (Did a thing number %d with a result) Tj ET ", y, j)
			y -= 14
		}
	}
	doc, err := Read("dates.pdf", textPDF(c.String()))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Columns != 1 {
		t.Errorf("columns %d\n%s", doc.Columns, dump(doc.Lines))
	}
	find(t, doc.Lines, "2022 - 2024 Engineer at Company 2")
}

func TestTooManyPages(t *testing.T) {
	pages := make([]string, MaxPages+1)
	for i := range pages {
		pages[i] = fmt.Sprintf("BT /F1 10 Tf 72 720 Td (Page %d) Tj ET", i+1)
	}
	_, err := Read("long.pdf", textPDF(pages...))
	if errs.CodeOf(err) != errs.TooLarge || !strings.Contains(errs.Message(err), "resumes over 10 pages are not read") {
		t.Fatalf("got %v", err)
	}
	doc, err := Read("ten.pdf", textPDF(pages[:MaxPages]...))
	if err != nil || doc.Pages != MaxPages {
		t.Fatalf("10 pages: %v", err)
	}
}

func TestTooLargeFile(t *testing.T) {
	for _, name := range []string{"big.pdf", "big.txt", "big.docx"} {
		data := bytes.Repeat([]byte("a"), MaxFileSize+1)
		_, err := Read(name, data)
		if errs.CodeOf(err) != errs.TooLarge {
			t.Errorf("%s: got %v", name, err)
		}
	}
}

// quick fails when f takes more than a few seconds (generous for -race).
func quick(t *testing.T, f func()) {
	t.Helper()
	start := time.Now()
	f()
	if d := time.Since(start); d > 20*time.Second {
		t.Errorf("took %v", d)
	}
}

func TestFlateBomb(t *testing.T) {
	// 40 MiB of spaces in the content stream, a few hundred KiB compressed.
	bomb := streamObj("", bytes.Repeat([]byte(" "), 40<<20), true)
	data := buildPDF([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>",
		bomb,
	}, "")
	if len(data) > MaxFileSize {
		t.Fatalf("bomb of %d bytes", len(data))
	}
	quick(t, func() {
		_, err := Read("bomb.pdf", data)
		if errs.CodeOf(err) != errs.TooLarge {
			t.Errorf("got %v", err)
		}
	})
	// The budget is for the whole document: many small bombs add up.
	var contents []string
	for range 3 {
		contents = append(contents, strings.Repeat("% a comment line\n", (11<<20)/17))
	}
	quick(t, func() {
		_, err := Read("bombs.pdf", textPDF(contents...))
		if errs.CodeOf(err) != errs.TooLarge {
			t.Errorf("three 11 MiB streams: got %v", err)
		}
	})
}

// Reference cycles and self-including structures end, with an error or a
// partial read.
func TestPDFCycles(t *testing.T) {
	content := streamObj("", []byte("BT /F1 10 Tf 72 700 Td (Hello) Tj ET"), false)
	cases := map[string][]byte{
		"kids cycle": buildPDF([]string{
			"<< /Type /Catalog /Pages 2 0 R >>",
			"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 1 >>",
			"<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
			content, helvetica,
		}, ""),
		"length of itself": buildPDF([]string{
			"<< /Type /Catalog /Pages 2 0 R >>",
			"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
			"<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>",
			"<< /Length 4 0 R >>\nstream\nBT (x) Tj ET\nendstream",
		}, ""),
		"form draws itself": buildPDF([]string{
			"<< /Type /Catalog /Pages 2 0 R >>",
			"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
			"<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R >> /XObject << /X 4 0 R >> >> /Contents 6 0 R >>",
			streamObj("/Type /XObject /Subtype /Form /Resources << /Font << /F1 5 0 R >> /XObject << /X 4 0 R >> >>",
				[]byte("BT /F1 10 Tf 72 700 Td (Loop) Tj ET /X Do /X Do"), true),
			helvetica,
			streamObj("", []byte("/X Do"), false),
		}, ""),
		"inherited resources loop": buildPDF([]string{
			"<< /Type /Catalog /Pages 2 0 R >>",
			"<< /Type /Pages /Kids [3 0 R] /Count 1 /Parent 3 0 R >>",
			"<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>",
			content,
		}, ""),
		"deep arrays": buildPDF([]string{
			"<< /Type /Catalog /Pages 2 0 R >>",
			"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
			"<< /Type /Page /Parent 2 0 R /Contents 4 0 R /X " + strings.Repeat("[", 100000) + " >>",
			content,
		}, ""),
	}
	// A /Prev chain that loops.
	loop := buildPDF([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
		content, helvetica,
	}, "")
	x := bytes.LastIndex(loop, []byte("xref"))
	cases["prev loop"] = bytes.Replace(loop, []byte("/Root 1 0 R"), []byte(fmt.Sprintf("/Root 1 0 R /Prev %d", x)), 1)
	for name, data := range cases {
		t.Run(name, func(t *testing.T) {
			quick(t, func() {
				doc, err := Read("cycle.pdf", data)
				if err != nil && errs.CodeOf(err) != errs.Invalid && errs.CodeOf(err) != errs.TooLarge {
					t.Errorf("error code %s: %v", errs.CodeOf(err), err)
				}
				if err == nil && len(doc.Lines) == 0 {
					t.Error("no lines and no error")
				}
			})
		})
	}
}

// A file whose cross-reference table is wrong is rebuilt by scanning it.
func TestPDFRepair(t *testing.T) {
	data := textPDF("BT /F1 10 Tf 72 700 Td (Recovered text) Tj ET")
	broken := bytes.Replace(data, []byte("startxref\n"), []byte("startxref\n1"), 1) // a wrong offset
	doc, err := Read("broken.pdf", broken)
	if err != nil {
		t.Fatal(err)
	}
	find(t, doc.Lines, "Recovered text")
	if len(doc.Warnings) == 0 || !strings.Contains(doc.Warnings[0], "damaged") {
		t.Errorf("warnings %q", doc.Warnings)
	}
	// Without its table and trailer at all.
	cut := data[:bytes.Index(data, []byte("xref"))]
	doc, err = Read("cut.pdf", cut)
	if err != nil {
		t.Fatal(err)
	}
	find(t, doc.Lines, "Recovered text")
}

// Truncated copies of every fixture read partly or fail with a clear error;
// never a panic (strictPanics is on), never a hang.
func TestTruncatedFixtures(t *testing.T) {
	files := []string{"one-column.pdf", "two-column.pdf", "two-page.pdf", "scan.pdf", "encrypted.pdf", "permissions.pdf",
		"objstm.pdf", "resume.docx", "resume.md", "resume.txt"}
	for _, f := range files {
		data := fixture(t, f)
		for _, pct := range []int{10, 50, 90} {
			cut := data[:len(data)*pct/100]
			quick(t, func() {
				doc, err := Read(f, cut)
				switch {
				case err == nil:
					if len(doc.Lines) == 0 {
						t.Errorf("%s at %d%%: no lines, no error", f, pct)
					}
				case errs.CodeOf(err) != errs.Invalid:
					t.Errorf("%s at %d%%: code %s: %v", f, pct, errs.CodeOf(err), err)
				case strings.Contains(err.Error(), "does not support"):
					t.Errorf("%s at %d%%: a recovered panic: %v", f, pct, err)
				}
			})
		}
	}
}

func TestSniffMisnamed(t *testing.T) {
	doc, err := Read("resume.txt", fixture(t, "one-column.pdf"))
	if err != nil || doc.Format != FormatPDF {
		t.Errorf("PDF named .txt: %v", err)
	}
	doc, err = Read("resume.pdf", fixture(t, "resume.docx"))
	if err != nil || doc.Format != FormatDOCX {
		t.Errorf("DOCX named .pdf: %v", err)
	}
	for name, data := range map[string][]byte{
		"resume.pdf":  []byte("just some text"),
		"resume.docx": []byte("just some text"),
		"resume.doc":  {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0},
		"photo.txt":   {0x89, 'P', 'N', 'G', 0, 0, 0, 13},
		"empty.txt":   nil,
		"blank.md":    []byte("\n\n   \n"),
	} {
		if _, err := Read(name, data); errs.CodeOf(err) != errs.Invalid {
			t.Errorf("%s: got %v", name, err)
		}
	}
	_, err = Read("photo.txt", []byte{0x89, 'P', 'N', 'G', 0, 0, 0, 13})
	if !strings.Contains(errs.Message(err), "binary data") {
		t.Errorf("binary: %v", err)
	}
}

func TestReadText(t *testing.T) {
	in := "JOHN SMITH\r\njohn@example.com\r\n\r\nExperience\r\n==========\r\n• Built \xff things\r\n  that wrap\r\n- Led a team\r\n1) Did X\r\n\r\nSQL, AWS, GCP\r\n--------\r\nNotes\n"
	doc, err := Read("r.txt", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []Line{
		{Text: "JOHN SMITH", Page: 1, Heading: true},
		{Text: "john@example.com", Page: 1},
		{Text: "Experience", Page: 1, Heading: true},
		{Text: "Built \uFFFD things that wrap", Page: 1, Bullet: true},
		{Text: "Led a team", Page: 1, Bullet: true},
		{Text: "Did X", Page: 1, Bullet: true},
		{Text: "SQL, AWS, GCP", Page: 1, Heading: true},
		{Text: "Notes", Page: 1},
	}
	if !reflect.DeepEqual(doc.Lines, want) {
		t.Errorf("got\n%s", dump(doc.Lines))
	}
	// UTF-16 with a byte-order mark.
	u := []byte{0xFF, 0xFE}
	for _, r := range "Hello\nWorld" {
		u = append(u, byte(r), 0)
	}
	doc, err = Read("u16.txt", u)
	if err != nil || len(doc.Lines) != 2 || doc.Lines[1].Text != "World" {
		t.Errorf("UTF-16: %v %v", err, doc)
	}
	// ~550 words a page.
	long := strings.Repeat("word ", 1200)
	doc, _ = Read("long.txt", []byte(long))
	if doc.Pages != 3 {
		t.Errorf("1200 words: %d pages", doc.Pages)
	}
}

func TestReadMarkdown(t *testing.T) {
	in := `---
title: resume
---
# Jane *Doe*

[jane@example.com](mailto:jane@example.com) · [LinkedIn](https://linkedin.com/in/jane) · <https://github.com/jane> · [github.com/jane](https://github.com/jane)

Experience
----------

1. **Built** a _ranking_ model with ` + "`PyTorch`" + `, lifting CTR 3%
   over the baseline
* [x] Shipped [the thing][ref]
+ Used snake_case_names and 2 * 3 * 4 math \*literally\*

> A quote with ~~strike~~ &amp; <b>bold</b><br>text

| Skill | Years |
|-------|------:|
| Python | 5 |

` + "```" + `
# not a heading
` + "```" + `

***

[ref]: https://example.com/thing
`
	doc, err := Read("r.md", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []Line{
		{Text: "Jane Doe", Page: 1, Heading: true},
		{Text: "jane@example.com · LinkedIn (https://linkedin.com/in/jane) · https://github.com/jane · github.com/jane", Page: 1},
		{Text: "Experience", Page: 1, Heading: true},
		{Text: "Built a ranking model with PyTorch, lifting CTR 3% over the baseline", Page: 1, Bullet: true},
		{Text: "Shipped the thing (https://example.com/thing)", Page: 1, Bullet: true},
		{Text: "Used snake_case_names and 2 * 3 * 4 math *literally*", Page: 1, Bullet: true},
		{Text: "A quote with strike & bold text", Page: 1},
		{Text: "Skill | Years", Page: 1},
		{Text: "Python | 5", Page: 1},
		{Text: "# not a heading", Page: 1},
	}
	if !reflect.DeepEqual(doc.Lines, want) {
		t.Errorf("got\n%s", dump(doc.Lines))
	}
}

func TestReadJD(t *testing.T) {
	lines, err := ReadJD("jd-mle.md", fixture(t, "jd-mle.md"))
	if err != nil {
		t.Fatal(err)
	}
	if ln := find(t, lines, "5+ years of experience"); !ln.Bullet {
		t.Errorf("%+v", ln)
	}
	if ln := find(t, lines, "Requirements"); !ln.Heading {
		t.Errorf("%+v", ln)
	}
	lines, err = ReadJD("jd-nlp.txt", fixture(t, "jd-nlp.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if ln := find(t, lines, "PREFERRED QUALIFICATIONS"); !ln.Heading {
		t.Errorf("%+v", ln)
	}
	if ln := find(t, lines, "Fine-tune and evaluate transformer models (BERT, RoBERTa, DeBERTa) for named entity recognition, relation extraction"); !ln.Bullet {
		t.Errorf("%+v", ln)
	}
}

// docx builds a DOCX from a document.xml body and optional extra parts.
func docx(body string, extra map[string]string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	parts := map[string]string{
		"[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		"_rels/.rels":         `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
		"word/document.xml": `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
			`xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:v="urn:schemas-microsoft-com:vml" ` +
			`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>` + body + `</w:body></w:document>`,
	}
	for k, v := range extra {
		parts[k] = v
	}
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml"} {
		w, _ := zw.Create(name)
		w.Write([]byte(parts[name]))
		delete(parts, name)
	}
	for name, v := range parts {
		w, _ := zw.Create(name)
		w.Write([]byte(v))
	}
	zw.Close()
	return buf.Bytes()
}

func wp(text string) string { return `<w:p><w:r><w:t>` + text + `</w:t></w:r></w:p>` }

func TestReadDOCX(t *testing.T) {
	body := wp("Jane Doe") +
		// A text box, as Word writes it: the drawing and a VML fallback holding the same text.
		`<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>` + wp("In a text box") + `</w:txbxContent></w:drawing></mc:Choice>` +
		`<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>` + wp("In a text box") + `</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>` +
		`<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>Experience</w:t></w:r></w:p>` +
		`<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t xml:space="preserve">Built </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>things</w:t></w:r><w:r><w:tab/><w:t>fast</w:t></w:r></w:p>` +
		`<w:p><w:r><w:sym w:font="Symbol" w:char="F0B7"/><w:t xml:space="preserve"> Typed bullet</w:t></w:r></w:p>` +
		`<w:p><w:r><w:t>Line one</w:t><w:br/><w:t>Line two</w:t><w:br w:type="page"/></w:r></w:p>` +
		`<w:p><w:r><w:t>On page two</w:t></w:r><w:r><w:delText>deleted</w:delText></w:r><w:r><w:instrText>PAGE</w:instrText></w:r></w:p>` +
		`<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "https://github.com/jane" </w:instrText></w:r>` +
		`<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>GitHub</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`
	header := `<?xml version="1.0"?><w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` + wp("jane@example.com") + `</w:hdr>`
	rels := `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/></Relationships>`
	doc, err := Read("x.docx", docx(body, map[string]string{"word/header1.xml": header, "word/_rels/document.xml.rels": rels}))
	if err != nil {
		t.Fatal(err)
	}
	want := []Line{
		{Text: "jane@example.com", Page: 1},
		{Text: "Jane Doe", Page: 1},
		{Text: "In a text box", Page: 1},
		{Text: "Experience", Page: 1, Heading: true},
		{Text: "Built things fast", Page: 1, Bullet: true},
		{Text: "Typed bullet", Page: 1, Bullet: true},
		{Text: "Line one", Page: 1},
		{Text: "Line two", Page: 1},
		{Text: "On page two", Page: 2},
		{Text: "GitHub (https://github.com/jane)", Page: 2},
	}
	if !reflect.DeepEqual(doc.Lines, want) {
		t.Errorf("got\n%s", dump(doc.Lines))
	}
	if !doc.TextBoxes || doc.Tables || doc.Pages != 2 {
		t.Errorf("text boxes %v tables %v pages %d", doc.TextBoxes, doc.Tables, doc.Pages)
	}
	if len(doc.Warnings) != 1 || !strings.Contains(doc.Warnings[0], "page header") {
		t.Errorf("warnings %q", doc.Warnings)
	}
}

func TestDOCXBombs(t *testing.T) {
	// An entry that inflates past the budget (its header says so).
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestSpeed) })
	w, _ := zw.Create("word/document.xml")
	zero := make([]byte, 1<<20)
	for range 40 {
		w.Write(zero)
	}
	zw.Close()
	quick(t, func() {
		if _, err := Read("bomb.docx", buf.Bytes()); errs.CodeOf(err) != errs.TooLarge {
			t.Errorf("bomb: %v", err)
		}
	})
	// An entry whose header claims a small size but inflates to 40 MiB.
	var z bytes.Buffer
	fw, _ := flate.NewWriter(&z, flate.BestSpeed)
	for range 40 {
		fw.Write(zero)
	}
	fw.Close()
	buf.Reset()
	zw = zip.NewWriter(&buf)
	raw, _ := zw.CreateRaw(&zip.FileHeader{Name: "word/document.xml", Method: zip.Deflate, CompressedSize64: uint64(z.Len()), UncompressedSize64: 100, CRC32: 0})
	raw.Write(z.Bytes())
	zw.Close()
	quick(t, func() {
		if _, err := Read("liar.docx", buf.Bytes()); err == nil {
			t.Error("liar: no error")
		}
	})
	// XML nested past the depth limit.
	deep := strings.Repeat("<w:sdt>", MaxXMLDepth+10) + strings.Repeat("</w:sdt>", MaxXMLDepth+10)
	if _, err := Read("deep.docx", docx(wp("x")+deep, nil)); errs.CodeOf(err) != errs.Invalid {
		t.Errorf("deep: %v", err)
	}
	// Too many entries.
	buf.Reset()
	zw = zip.NewWriter(&buf)
	for i := range MaxZipEntries + 1 {
		zw.Create(fmt.Sprintf("f%d", i))
	}
	zw.Close()
	if _, err := Read("many.docx", buf.Bytes()); errs.CodeOf(err) != errs.Invalid {
		t.Errorf("many: %v", err)
	}
	// A zip that is not a DOCX.
	buf.Reset()
	zw = zip.NewWriter(&buf)
	zw.Create("content.xml")
	zw.Close()
	if _, err := Read("cv.odt.docx", buf.Bytes()); !strings.Contains(errs.Message(err), "OpenDocument") {
		t.Errorf("odt: %v", err)
	}
}
