// Command gen writes testdata/resume.docx: a one-page ML engineer resume as
// a faithful OOXML (WordprocessingML) package, the parts Word itself writes
// for such a document: content types, package and document relationships,
// styles (Normal, Title, Heading 1, List Paragraph, Table Grid, Hyperlink),
// bullet numbering (Symbol U+F0B7, as Word's default bullet), one table,
// an external hyperlink, document properties and the section properties.
//
// It lives under testdata so that go build ./... leaves it out. Run it from
// the repository root:
//
//	go run ./internal/resume/testdata/gen -o internal/resume/testdata/resume.docx
//
// The archive is deterministic (fixed timestamps), so running it again
// rewrites the same bytes.
package main

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"flag"
	"fmt"
	"log"
	"os"
	"strings"
	"time"
)

const (
	nsW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsR = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
)

func esc(s string) string {
	var b bytes.Buffer
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

// run is a run of text, optionally bold.
func run(text string, bold bool) string {
	rpr := ""
	if bold {
		rpr = "<w:rPr><w:b/><w:bCs/></w:rPr>"
	}
	return fmt.Sprintf(`<w:r>%s<w:t xml:space="preserve">%s</w:t></w:r>`, rpr, esc(text))
}

func para(style string, runs ...string) string {
	ppr := ""
	if style != "" {
		ppr = fmt.Sprintf(`<w:pPr><w:pStyle w:val="%s"/></w:pPr>`, style)
	}
	return "<w:p>" + ppr + strings.Join(runs, "") + "</w:p>"
}

func bullet(text string) string {
	return `<w:p><w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr><w:spacing w:after="0"/></w:pPr>` +
		run(text, false) + "</w:p>"
}

// role is a bold title, a tab to the right margin, and the dates.
func role(title, when string) string {
	return `<w:p><w:pPr><w:tabs><w:tab w:val="right" w:pos="10080"/></w:tabs><w:spacing w:before="120" w:after="0"/></w:pPr>` +
		run(title, true) + `<w:r><w:tab/></w:r>` + run(when, false) + "</w:p>"
}

func cell(width int, text string, bold bool) string {
	return fmt.Sprintf(`<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/></w:tcPr><w:p><w:pPr><w:spacing w:after="0"/></w:pPr>%s</w:p></w:tc>`, width, run(text, bold))
}

func document() string {
	var b strings.Builder
	p := func(s string) { b.WriteString(s) }
	p(para("Title", run("Aisha Bello", false)))
	p(`<w:p><w:pPr><w:spacing w:after="120"/></w:pPr>` +
		run("Austin, TX | aisha.bello@example.com | (512) 555-0163 | ", false) +
		`<w:hyperlink r:id="rId10" w:history="1"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t>LinkedIn</w:t></w:r></w:hyperlink>` +
		run(" | github.com/aishabello", false) + "</w:p>")

	p(para("Heading1", run("Summary", false)))
	p(para("", run("Machine learning engineer with four years of experience in natural language processing: information extraction, search and conversational assistants. I like turning messy text into reliable features and measuring what a model changes for users.", false)))

	p(para("Heading1", run("Skills", false)))
	rows := [][2]string{
		{"Languages", "Python, SQL, TypeScript"},
		{"NLP and ML", "PyTorch, Hugging Face Transformers, spaCy, scikit-learn, sentence-transformers, LangChain"},
		{"Data and serving", "Airflow, dbt, Snowflake, FastAPI, Docker, AWS (SageMaker, Lambda, S3), Elasticsearch"},
		{"Methods", "named-entity recognition, text classification, retrieval-augmented generation, prompt engineering, active learning"},
	}
	p(`<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="10080" w:type="dxa"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>`)
	p(`<w:tblGrid><w:gridCol w:w="2160"/><w:gridCol w:w="7920"/></w:tblGrid>`)
	for _, r := range rows {
		p("<w:tr>" + cell(2160, r[0], true) + cell(7920, r[1], false) + "</w:tr>")
	}
	p(`</w:tbl>`)

	p(para("Heading1", run("Experience", false)))
	p(role("Machine Learning Engineer, Lexicon Legal, Austin, TX", "Apr 2022 – Present"))
	for _, s := range []string{
		"Fine-tuned a RoBERTa model to extract 22 clause types from contracts, raising macro F1 from 0.74 to 0.88 on 3,000 held-out documents and cutting review time per contract by 35%",
		"Built a retrieval-augmented assistant over 1.2M legal documents with hybrid BM25 and embedding search; answer acceptance by lawyers rose from 54% to 71% in a four-week pilot",
		"Responsible for maintaining the annotation tool",
		"Worked on prompt engineering for the summarization feature",
		"Set up active learning that chose 8k of 400k unlabeled clauses to annotate, reaching the same F1 with 60% fewer labels",
	} {
		p(bullet(s))
	}
	p(role("Data Scientist, Brightwave Telecom, Dallas, TX", "Jul 2020 – Mar 2022"))
	for _, s := range []string{
		"Trained a ticket-routing classifier on 900k support tickets that sent 82% of tickets to the right queue, up from 63% with keyword rules",
		"Helped with dashboards for the customer care team",
		"Achieved 93% accuracy on sentiment analysis",
	} {
		p(bullet(s))
	}

	p(para("Heading1", run("Projects", false)))
	p(role("Open-source: spacy-dates, a date normalization component for spaCy", "2023"))
	p(bullet("Wrote rules and a small CRF that normalize 40 date formats in 6 languages; 600 GitHub stars and 12k monthly downloads"))
	p(role("Kaggle: CommonLit readability prize", "2021"))
	p(bullet("Ensembled DeBERTa-large and RoBERTa models to rank in the top 6% of 3,600 teams"))

	p(para("Heading1", run("Education", false)))
	p(role("M.S. Computer Science, The University of Texas at Austin", "2020"))
	p(role("B.S. Statistics, University of Lagos", "2017"))

	p(`<w:sectPr><w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:top="1080" w:right="1080" w:bottom="1080" w:left="1080" w:header="720" w:footer="720" w:gutter="0"/><w:cols w:space="720"/></w:sectPr>`)
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<w:document xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"><w:body>` + b.String() + `</w:body></w:document>`
}

const contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`

const packageRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>`

const documentRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rId10" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://www.linkedin.com/in/aishabello" TargetMode="External"/></Relationships>`

const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="` + nsW + `"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Calibri" w:cs="Calibri"/><w:sz w:val="21"/><w:szCs w:val="21"/><w:lang w:val="en-US"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="80" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>` +
	`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="40"/><w:contextualSpacing/></w:pPr><w:rPr><w:rFonts w:asciiTheme="majorHAnsi" w:hAnsiTheme="majorHAnsi"/><w:b/><w:kern w:val="28"/><w:sz w:val="44"/><w:szCs w:val="44"/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="404040"/></w:pBdr><w:spacing w:before="200" w:after="60"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:caps/><w:color w:val="1F3864"/><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="34"/><w:qFormat/><w:pPr><w:ind w:left="720"/><w:contextualSpacing/></w:pPr></w:style>` +
	`<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>` +
	`<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:basedOn w:val="DefaultParagraphFont"/><w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr></w:style>` +
	`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
	`<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders></w:tblPr></w:style>` +
	`</w:styles>`

const numbering = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="` + nsW + `"><w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="` + "\uF0B7" + `"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr><w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol" w:hint="default"/></w:rPr></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="o"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="1080" w:hanging="360"/></w:pPr><w:rPr><w:rFonts w:ascii="Courier New" w:hAnsi="Courier New" w:cs="Courier New" w:hint="default"/></w:rPr></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`

const settings = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="` + nsW + `"><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>`

const core = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>Aisha Bello - Resume</dc:title><dc:creator>Aisha Bello</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2026-01-15T09:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2026-01-15T09:00:00Z</dcterms:modified></cp:coreProperties>`

const app = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>offerloop testdata generator</Application><Pages>1</Pages></Properties>`

func main() {
	out := flag.String("o", "resume.docx", "output file")
	flag.Parse()
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", contentTypes},
		{"_rels/.rels", packageRels},
		{"word/document.xml", document()},
		{"word/_rels/document.xml.rels", documentRels},
		{"word/styles.xml", styles},
		{"word/numbering.xml", numbering},
		{"word/settings.xml", settings},
		{"docProps/core.xml", core},
		{"docProps/app.xml", app},
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	mod := time.Date(2026, 1, 15, 9, 0, 0, 0, time.UTC)
	for _, p := range parts {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: mod})
		if err != nil {
			log.Fatal(err)
		}
		if _, err := w.Write([]byte(p.body)); err != nil {
			log.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
}
