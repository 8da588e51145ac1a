package pdf

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"testing"
)

// onePage is a PDF with one page drawing content with Helvetica as /F1.
func onePage(content []byte, flate bool) []byte {
	filter := ""
	if flate {
		var z bytes.Buffer
		w := zlib.NewWriter(&z)
		w.Write(content)
		w.Close()
		content = z.Bytes()
		filter = "/Filter /FlateDecode "
	}
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
		fmt.Sprintf("<< %s/Length %d >>\nstream\n%s\nendstream", filter, len(content), content),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	var offs []int
	for i, o := range objs {
		offs = append(offs, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	x := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, x)
	return b.Bytes()
}

func text(t *testing.T, data []byte, lim Limits) ([]Text, error) {
	t.Helper()
	r, err := Open(data, lim)
	if err != nil {
		return nil, err
	}
	pages, err := r.Pages()
	if err != nil {
		return nil, err
	}
	if len(pages) != 1 {
		t.Fatalf("%d pages", len(pages))
	}
	return r.Text(pages[0])
}

func TestGlyphs(t *testing.T) {
	glyphs, err := text(t, onePage([]byte("BT /F1 10 Tf 2 Tz 100 700 Td (Hi) Tj ET"), true), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if len(glyphs) != 2 || glyphs[0].S != "H" || glyphs[1].S != "i" || !glyphs[0].Bold || glyphs[0].FontSize != 10 ||
		glyphs[0].X != 100 || glyphs[0].Y != 700 || glyphs[1].X <= 100 {
		t.Errorf("%+v", glyphs)
	}
}

func TestDecompressionBudget(t *testing.T) {
	content := bytes.Repeat([]byte(" "), 1<<20)
	_, err := text(t, onePage(content, true), Limits{MaxDecompressed: 1 << 19})
	var e *Error
	if !errors.As(err, &e) || e.Kind != TooLarge {
		t.Fatalf("got %v", err)
	}
	if _, err := text(t, onePage(content, true), Limits{MaxDecompressed: 2 << 20}); err != nil {
		t.Fatalf("under the budget: %v", err)
	}
}

// Content that ends inside a hex string, a literal string, an array or an
// inline image still ends.
func TestUnterminatedContent(t *testing.T) {
	for _, c := range []string{"BT /F1 9 Tf <414", "BT /F1 9 Tf (abc", "BT [(a) 1 (b", "BI /W 1 ID abc", "BT <<", "BT /F1 9 Tf <4 1 4> Tj ET"} {
		if _, err := text(t, onePage([]byte(c), false), Limits{}); err != nil {
			t.Errorf("%q: %v", c, err)
		}
	}
}

func TestCmapLookup(t *testing.T) {
	m := &cmap{bfchar: map[string]string{"\x00\x01": "x"}, ranges: []bfrange{
		{lo: "\x00\x10", hi: "\x00\x20", dst: "\x00A"},
		{lo: "\x00\x30", hi: "\x00\x32", arr: []string{"\x00a", "\x00b", "\x00c"}},
	}}
	for code, want := range map[string]string{"\x00\x01": "x", "\x00\x10": "A", "\x00\x12": "C", "\x00\x31": "b", "\x00\x21": "", "\x00\x05": ""} {
		if got, _ := m.lookup(code); got != want {
			t.Errorf("%q: %q, want %q", code, got, want)
		}
	}
}

// The PNG predictors undo what they encode.
func TestPNGPredictors(t *testing.T) {
	rows := [][]byte{{10, 20, 30, 40}, {11, 19, 35, 200}, {0, 255, 7, 8}}
	enc := func(kind byte, row, prev []byte) []byte {
		out := []byte{kind}
		for i, x := range row {
			var a, b, c int
			if i > 0 {
				a, c = int(row[i-1]), int(prev[i-1])
			}
			b = int(prev[i])
			var p byte
			switch kind {
			case 1:
				p = byte(a)
			case 2:
				p = byte(b)
			case 3:
				p = byte((a + b) / 2)
			case 4:
				p = paeth(a, b, c)
			}
			out = append(out, x-p)
		}
		return out
	}
	for kind := byte(0); kind <= 4; kind++ {
		var data []byte
		prev := make([]byte, 4)
		for _, r := range rows {
			data = append(data, enc(kind, r, prev)...)
			prev = r
		}
		rd := &pngReader{r: bytes.NewReader(data), prev: make([]byte, 4), cur: make([]byte, 5), bpp: 1}
		got, _ := io.ReadAll(rd)
		if want := bytes.Join(rows, nil); !bytes.Equal(got, want) {
			t.Errorf("predictor %d: %v, want %v", kind, got, want)
		}
	}
}
