package resume

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/offerloop/offerloop/internal/errs"
)

// readBounded runs Read and fails the test when it panics, does not return
// within a generous bound, or breaks the Document's invariants.
func readBounded(t *testing.T, name string, data []byte) {
	type result struct {
		doc   *Document
		err   error
		panic string
	}
	done := make(chan result, 1)
	go func() {
		defer func() {
			if x := recover(); x != nil {
				done <- result{panic: fmt.Sprint(x)}
			}
		}()
		doc, err := Read(name, data)
		done <- result{doc: doc, err: err}
	}()
	var res result
	select {
	case res = <-done:
	case <-time.After(20 * time.Second):
		t.Fatalf("Read(%q) did not return in 20s (%d bytes)", name, len(data))
	}
	if res.panic != "" {
		t.Fatalf("Read(%q) panicked: %s", name, res.panic)
	}
	if res.err != nil {
		if c := errs.CodeOf(res.err); c != errs.Invalid && c != errs.TooLarge {
			t.Fatalf("error code %s: %v", c, res.err)
		}
		return
	}
	doc := res.doc
	if len(doc.Lines) == 0 || doc.Pages < 1 || doc.Columns < 1 || doc.Columns > 2 {
		t.Fatalf("bad document: %d lines, %d pages, %d columns", len(doc.Lines), doc.Pages, doc.Columns)
	}
	if doc.Format == FormatPDF && doc.Pages > MaxPages {
		t.Fatalf("%d pages", doc.Pages)
	}
	for _, ln := range doc.Lines {
		if ln.Text == "" || !utf8.ValidString(ln.Text) || ln.Text != strings.TrimSpace(ln.Text) {
			t.Fatalf("bad line %q", ln.Text)
		}
		if ln.Page < 1 || doc.Format == FormatPDF && ln.Page > doc.Pages {
			t.Fatalf("line on page %d of %d", ln.Page, doc.Pages)
		}
	}
}

// seed adds a fixture and its truncations.
func seed(f *testing.F, name string) {
	data := fixture(f, name)
	f.Add(data)
	for _, pct := range []int{10, 50, 90} {
		f.Add(data[:len(data)*pct/100])
	}
}

func FuzzReadPDF(f *testing.F) {
	for _, name := range []string{"one-column.pdf", "two-column.pdf", "two-page.pdf", "scan.pdf", "encrypted.pdf", "permissions.pdf", "objstm.pdf"} {
		seed(f, name)
	}
	f.Add(textPDF("BT /F1 10 Tf 72 700 Td (Hello) Tj 0 -12 Td [(W) 120 (orld)] TJ ET", "q 1 0 0 1 5 5 cm BT /F1 9 Tf 1 0 0 1 72 600 Tm (Two) Tj T* (three) ' ET Q"))
	f.Add(textPDF("BI /W 2 /H 2 /BPC 8 /CS /G ID \x00\xff\x10\x20 EI BT /F1 10 Tf 72 700 Td <48656c6c6f> Tj ET"))
	f.Add(buildPDF([]string{"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [2 0 R] /Count 1 >>"}, ""))
	f.Add(type0PDF())
	f.Fuzz(func(t *testing.T, data []byte) {
		readBounded(t, "fuzz.pdf", data)
		// The same bytes as a page's content stream, uncompressed, so that
		// mutations reach the content interpreter and the layout.
		if len(data) < 1<<16 {
			readBounded(t, "fuzz.pdf", textPDF(string(data)))
		}
	})
}

// type0PDF draws two-byte glyph codes with a Type0 font whose ToUnicode
// CMap and widths are uncompressed, so that mutations reach the CMap parser.
func type0PDF() []byte {
	cmap := `/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /X def
1 begincodespacerange <0000> <FFFF> endcodespacerange
2 beginbfchar <0003> <0020> <0011> <002E> endbfchar
2 beginbfrange <0024> <003D> <0041> <0044> <0046> [<0061> <0062> <0063>] endbfrange
endcmap CMapName currentdict /CMap defineresource pop end end`
	return buildPDF([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 7 0 R >>",
		"<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+Lato-Bold /Encoding /Identity-H /DescendantFonts [5 0 R] /ToUnicode 6 0 R >>",
		"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+Lato-Bold /DW 500 /W [3 [250] 36 61 600 68 [520 530 540]] >>",
		streamObj("", []byte(cmap), false),
		streamObj("", []byte("BT /F1 12 Tf 1 0 0 -1 72 770 Tm <002B002800250003004400450046> Tj 0 -14 Td [<0024> -300 <0025>] TJ ET"), false),
	}, "")
}

func FuzzReadDOCX(f *testing.F) {
	seed(f, "resume.docx")
	f.Add(docx(wp("Jane")+`<w:p><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>Item</w:t><w:br w:type="page"/></w:r></w:p>`, nil))
	f.Add(docx(`<w:tbl><w:tr><w:tc>`+wp("cell")+`</w:tc></w:tr></w:tbl><w:p><w:hyperlink r:id="x"><w:r><w:t>link</w:t></w:r></w:hyperlink></w:p>`, nil))
	f.Add(docxDocument(fixture(f, "resume.docx")))
	f.Fuzz(func(t *testing.T, data []byte) {
		readBounded(t, "fuzz.docx", data)
		// The same bytes as word/document.xml in a sound archive, so that
		// mutations reach the XML reader past the zip checksums.
		if len(data) < 1<<16 {
			readBounded(t, "fuzz.docx", docxPart(data))
		}
	})
}

// docxDocument returns the word/document.xml of a DOCX.
func docxDocument(data []byte) []byte {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		panic(err)
	}
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			return b
		}
	}
	return nil
}

// docxPart makes a DOCX whose word/document.xml is body, as it is.
func docxPart(body []byte) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("word/document.xml")
	w.Write(body)
	zw.Close()
	return buf.Bytes()
}

func FuzzReadText(f *testing.F) {
	for _, name := range []string{"resume.md", "resume.txt", "jd-mle.md", "jd-nlp.txt"} {
		data := fixture(f, name)
		f.Add(name, data)
		f.Add(name, data[:len(data)/2])
	}
	f.Add("x.md", []byte("# H\n\n- [a](b) *c* _d_ `e`\n  more\n\n| a | b |\n|---|---|\n"))
	f.Add("x.txt", []byte("HEADING\n=======\n• item\n  wrapped\n\xff\xfe"))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		if strings.HasSuffix(name, ".pdf") || strings.HasSuffix(name, ".docx") {
			name += ".txt"
		}
		readBounded(t, name, data)
	})
}

// BenchmarkReadPDF reads the two-page fixture.
func BenchmarkReadPDF(b *testing.B) {
	data := fixture(b, "two-page.pdf")
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Read("two-page.pdf", data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadDOCX and BenchmarkReadText give the other formats' costs.
func BenchmarkReadDOCX(b *testing.B) {
	data := fixture(b, "resume.docx")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Read("resume.docx", data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadText(b *testing.B) {
	data := fixture(b, "resume.txt")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Read("resume.txt", data); err != nil {
			b.Fatal(err)
		}
	}
}
