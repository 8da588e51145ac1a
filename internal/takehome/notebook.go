package takehome

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strings"
)

// Notebook is a Jupyter notebook as the checker needs it.
type Notebook struct {
	Format   int    // nbformat major version: 4, or 3 for old notebooks
	Language string // kernel language, "" when the notebook does not say
	Cells    []Cell
}

// Cell is one notebook cell.
type Cell struct {
	Type           string // code, markdown or raw
	Source         string
	ExecutionCount *int // nil when the cell was never run
	Outputs        []Output
}

// Output is one stored output of a code cell.
type Output struct {
	Type   string // stream, display_data, execute_result or error
	Text   string // stream text, or the text/plain data
	EName  string // for errors
	EValue string
}

// multiline is nbformat's "multiline string": one string or a list of them.
type multiline string

func (m *multiline) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '[' {
		var parts []string
		if err := json.Unmarshal(b, &parts); err != nil {
			return err
		}
		*m = multiline(strings.Join(parts, ""))
		return nil
	}
	if string(b) == "null" {
		*m = ""
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	*m = multiline(s)
	return nil
}

type rawOutput struct {
	OutputType string                     `json:"output_type"`
	Text       multiline                  `json:"text"`
	Data       map[string]json.RawMessage `json:"data"`
	EName      string                     `json:"ename"`
	EValue     string                     `json:"evalue"`
}

type rawCell struct {
	CellType       string      `json:"cell_type"`
	Source         *multiline  `json:"source"`
	Input          *multiline  `json:"input"` // nbformat 3
	ExecutionCount *int        `json:"execution_count"`
	PromptNumber   *int        `json:"prompt_number"` // nbformat 3
	Outputs        []rawOutput `json:"outputs"`
}

type rawNotebook struct {
	NBFormat   *int      `json:"nbformat"`
	Cells      []rawCell `json:"cells"`
	Worksheets []struct {
		Cells []rawCell `json:"cells"`
	} `json:"worksheets"`
	Metadata struct {
		Kernelspec struct {
			Language string `json:"language"`
		} `json:"kernelspec"`
		LanguageInfo struct {
			Name string `json:"name"`
		} `json:"language_info"`
	} `json:"metadata"`
}

// ReadNotebook reads an .ipynb file (nbformat 4, or 3 with worksheets).
// Anything else is an error that says what is wrong.
func ReadNotebook(data []byte) (*Notebook, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	var raw rawNotebook
	if err := json.Unmarshal(data, &raw); err != nil {
		var syn *json.SyntaxError
		if errors.As(err, &syn) {
			return nil, fmt.Errorf("not a notebook: the JSON is broken near byte %d", syn.Offset)
		}
		var typ *json.UnmarshalTypeError
		if errors.As(err, &typ) {
			return nil, fmt.Errorf("not a notebook: %q has the wrong type", typ.Field)
		}
		return nil, fmt.Errorf("not a notebook: %v", err)
	}
	if raw.NBFormat == nil {
		return nil, errors.New("not a notebook: there is no nbformat field")
	}
	nb := &Notebook{Format: *raw.NBFormat, Language: strings.ToLower(raw.Metadata.LanguageInfo.Name)}
	if nb.Language == "" {
		nb.Language = strings.ToLower(raw.Metadata.Kernelspec.Language)
	}
	cells := raw.Cells
	switch {
	case nb.Format >= 4:
	case nb.Format == 3:
		for _, ws := range raw.Worksheets {
			cells = append(cells, ws.Cells...)
		}
	default:
		return nil, fmt.Errorf("nbformat %d is too old to read; open and save it in a current Jupyter first", nb.Format)
	}
	for _, rc := range cells {
		c := Cell{Type: rc.CellType, ExecutionCount: rc.ExecutionCount}
		switch {
		case rc.Source != nil:
			c.Source = string(*rc.Source)
		case rc.Input != nil:
			c.Source = string(*rc.Input)
		}
		if c.Type == "heading" { // nbformat 3
			c.Type = "markdown"
		}
		if nb.Format == 3 && c.ExecutionCount == nil {
			c.ExecutionCount = rc.PromptNumber
		}
		for _, ro := range rc.Outputs {
			o := Output{Type: ro.OutputType, Text: string(ro.Text), EName: ro.EName, EValue: ro.EValue}
			switch o.Type {
			case "pyout":
				o.Type = "execute_result"
			case "pyerr":
				o.Type = "error"
			}
			if plain, ok := ro.Data["text/plain"]; ok && o.Text == "" {
				var m multiline
				if json.Unmarshal(plain, &m) == nil {
					o.Text = string(m)
				}
			}
			c.Outputs = append(c.Outputs, o)
		}
		nb.Cells = append(nb.Cells, c)
	}
	return nb, nil
}

// Chunk is a piece of Python parsed on its own: a script, or one code cell.
type Chunk struct {
	Cell int    // 0-based code-cell index, or -1 for a script
	Code []byte // with IPython syntax neutralised, same line count as the source
	Raw  string // the source as written, for excerpts
}

// Program is one Python program: a script, or a notebook's code cells in order.
type Program struct {
	File     string
	Notebook *Notebook // nil for scripts
	Chunks   []Chunk
}

// ScriptProgram is a .py file as a program.
func ScriptProgram(file string, src []byte) *Program {
	s := string(bytes.TrimPrefix(src, []byte("\xef\xbb\xbf")))
	return &Program{File: file, Chunks: []Chunk{{Cell: -1, Code: []byte(neutralise(s)), Raw: s}}}
}

// NotebookProgram is a notebook's code cells in document order. Cells of a
// notebook whose kernel is not Python are left out.
func NotebookProgram(file string, nb *Notebook) *Program {
	p := &Program{File: file, Notebook: nb}
	if nb.Language != "" && nb.Language != "python" && !strings.HasPrefix(nb.Language, "python") {
		return p
	}
	i := 0
	for _, c := range nb.Cells {
		if c.Type != "code" {
			continue
		}
		p.Chunks = append(p.Chunks, Chunk{Cell: i, Code: []byte(neutralise(c.Source)), Raw: c.Source})
		i++
	}
	return p
}

// Line is the source line n (1-based) of the chunk as written.
func (c Chunk) Line(n int) string {
	lines := strings.Split(c.Raw, "\n")
	if n < 1 || n > len(lines) {
		return ""
	}
	return strings.TrimRight(lines[n-1], "\r")
}

// Lines counts the chunk's lines.
func (c Chunk) Lines() int {
	if c.Raw == "" {
		return 0
	}
	return strings.Count(strings.TrimRight(c.Raw, "\n"), "\n") + 1
}

var (
	// cellMagicPython lists cell magics whose body is still Python.
	cellMagicPython = map[string]bool{"time": true, "timeit": true, "capture": true, "prun": true, "debug": true, "memit": true, "skip": false}
	assignMagic     = regexp.MustCompile(`^(\s*[A-Za-z_][A-Za-z0-9_]*\s*=\s*)[!%]`)
	helpLine        = regexp.MustCompile(`^\s*(\?\??[A-Za-z_][\w.]*|[A-Za-z_][\w.]*\?\??)\s*$`)
)

// neutralise replaces IPython syntax (line and cell magics, shell escapes,
// help lines) with Python that means nothing, keeping every line where it
// was so line numbers stay right.
func neutralise(src string) string {
	if !strings.ContainsAny(src, "%!?") {
		return src
	}
	lines := strings.Split(src, "\n")
	first := 0
	for first < len(lines) && strings.TrimSpace(lines[first]) == "" {
		first++
	}
	if first < len(lines) {
		if t := strings.TrimSpace(lines[first]); strings.HasPrefix(t, "%%") {
			name := strings.Fields(t[2:] + " ")
			lines[first] = blankLine(lines[first])
			if len(name) == 0 || !cellMagicPython[name[0]] {
				for i := first + 1; i < len(lines); i++ {
					lines[i] = ""
				}
				return strings.Join(lines, "\n")
			}
		}
	}
	for i, l := range lines {
		t := strings.TrimLeft(l, " \t")
		switch {
		case strings.HasPrefix(t, "%") || strings.HasPrefix(t, "!"):
			lines[i] = blankLine(l)
		case helpLine.MatchString(l):
			lines[i] = blankLine(l)
		default:
			if m := assignMagic.FindStringSubmatch(l); m != nil {
				lines[i] = m[1] + "None"
			}
		}
	}
	return strings.Join(lines, "\n")
}

// blankLine keeps a line's indentation and puts pass in place of the rest, so
// a magic inside an indented block leaves the block valid.
func blankLine(l string) string {
	ind := len(l) - len(strings.TrimLeft(l, " \t"))
	return l[:ind] + "pass"
}
