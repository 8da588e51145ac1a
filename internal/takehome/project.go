package takehome

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
)

// Limits on what a check reads, so a hostile or enormous folder cannot
// exhaust memory.
const (
	MaxFiles      = 20000   // files listed in a project
	MaxSourceSize = 4 << 20 // a .py or .ipynb file read and parsed
	MaxTextSize   = 1 << 20 // a README or manifest read
	MaxZipSize    = 64 << 20
)

// File is one file of a project. Data is read for Python sources, notebooks,
// READMEs and dependency manifests; other files are listed with their size.
type File struct {
	Path string // slash-separated, relative to the project root
	Size int64
	Data []byte
}

// Source is a parsed Python program: a script or a notebook.
type Source struct {
	*Program
	Trees   []*Tree // one per chunk; nil where the chunk could not be parsed
	ReadErr string  // why the file could not be read, if it could not
}

// Project is what a check looks at.
type Project struct {
	Root    string
	Files   []File
	Sources []*Source
	// Single is true when the check is of one script or notebook, not a
	// folder: the project-level rules (README, tests, manifest) are skipped.
	Single bool
}

// skipDir lists folders that are never the candidate's own work.
var skipDir = map[string]bool{
	".git": true, ".hg": true, ".svn": true, "node_modules": true, "__pycache__": true,
	".venv": true, "venv": true, "env": true, ".env": true, "site-packages": true,
	".ipynb_checkpoints": true, ".mypy_cache": true, ".pytest_cache": true, ".tox": true,
	".idea": true, ".vscode": true, "wandb": true, "mlruns": true,
}

// wantsData says whether a file's contents are read.
func wantsData(p string) bool {
	base := strings.ToLower(path.Base(p))
	switch path.Ext(base) {
	case ".py", ".ipynb":
		return true
	}
	switch base {
	case "requirements.txt", "requirements-dev.txt", "requirements_dev.txt", "pyproject.toml",
		"setup.py", "setup.cfg", "pipfile", "pipfile.lock", "environment.yml", "environment.yaml",
		"poetry.lock", "conda.yml", "conda.yaml", "uv.lock", ".gitattributes", ".gitignore", ".dvcignore":
		return true
	}
	if strings.HasPrefix(base, "readme") || strings.HasPrefix(base, "requirements") {
		return true
	}
	// requirements/base.txt, requirements/dev.in
	if dir := strings.ToLower(path.Dir(p)); path.Base(dir) == "requirements" && (path.Ext(base) == ".txt" || path.Ext(base) == ".in") {
		return true
	}
	return false
}

func sizeLimit(p string) int64 {
	switch path.Ext(strings.ToLower(p)) {
	case ".py", ".ipynb":
		return MaxSourceSize
	}
	return MaxTextSize
}

// LoadPath reads a project folder, a notebook or a script.
func LoadPath(ctx context.Context, root string) (*Project, error) {
	st, err := os.Stat(root)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("%s does not exist", root)
		}
		return nil, err
	}
	if !st.IsDir() {
		ext := strings.ToLower(filepath.Ext(root))
		if ext != ".py" && ext != ".ipynb" {
			if ext == ".zip" {
				data, err := readLimited(root, MaxZipSize)
				if err != nil {
					return nil, err
				}
				return LoadZip(root, data)
			}
			return nil, fmt.Errorf("%s is not a folder, a notebook (.ipynb) or a Python script (.py)", root)
		}
		data, err := readLimited(root, MaxSourceSize)
		if err != nil {
			return nil, err
		}
		p := &Project{Root: root, Single: true, Files: []File{{Path: filepath.Base(root), Size: st.Size(), Data: data}}}
		return p, nil
	}
	p := &Project{Root: root}
	err = filepath.WalkDir(root, func(fp string, d fs.DirEntry, err error) error {
		if err != nil {
			if fp == root {
				return err
			}
			return nil // an unreadable subfolder is skipped, not fatal
		}
		if ctxErr := ctx.Err(); ctxErr != nil {
			return ctxErr
		}
		if d.IsDir() {
			if fp != root && skipDir[d.Name()] {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() {
			return nil // symlinks, devices and sockets are not followed
		}
		if len(p.Files) >= MaxFiles {
			return fmt.Errorf("%s has more than %d files; point the check at the project's own folder", root, MaxFiles)
		}
		rel, err := filepath.Rel(root, fp)
		if err != nil {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return nil
		}
		f := File{Path: filepath.ToSlash(rel), Size: info.Size()}
		if wantsData(f.Path) && f.Size <= sizeLimit(f.Path) {
			if data, err := readLimited(fp, sizeLimit(f.Path)); err == nil {
				f.Data = data
			}
		}
		p.Files = append(p.Files, f)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return p, nil
}

func readLimited(name string, limit int64) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%s is larger than %d MB", name, limit>>20)
	}
	return data, nil
}

// LoadZip reads a project from a zip archive (an upload). A single top
// folder holding everything is taken as the project root.
func LoadZip(name string, data []byte) (*Project, error) {
	if len(data) > MaxZipSize {
		return nil, fmt.Errorf("the archive is larger than %d MB", MaxZipSize>>20)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("%s is not a zip archive: %v", name, err)
	}
	p := &Project{Root: name}
	var budget int64 = 4 * MaxZipSize // total bytes decompressed
	for _, zf := range zr.File {
		if zf.FileInfo().IsDir() || !zf.Mode().IsRegular() {
			continue
		}
		clean := path.Clean(strings.ReplaceAll(zf.Name, "\\", "/"))
		if strings.HasPrefix(clean, "../") || clean == ".." || strings.HasPrefix(clean, "/") || strings.HasPrefix(clean, "__MACOSX/") {
			continue
		}
		if skipped(clean) {
			continue
		}
		if len(p.Files) >= MaxFiles {
			return nil, fmt.Errorf("the archive has more than %d files", MaxFiles)
		}
		f := File{Path: clean, Size: int64(zf.UncompressedSize64)}
		if f.Size < 0 {
			f.Size = 0
		}
		if wantsData(clean) && f.Size <= sizeLimit(clean) && f.Size <= budget {
			rc, err := zf.Open()
			if err == nil {
				d, err := io.ReadAll(io.LimitReader(rc, sizeLimit(clean)+1))
				rc.Close()
				if err == nil && int64(len(d)) <= sizeLimit(clean) {
					f.Data = d
					budget -= int64(len(d))
				}
			}
		}
		p.Files = append(p.Files, f)
	}
	if len(p.Files) == 0 {
		return nil, errors.New("the archive holds no files")
	}
	// Strip a common top folder, as "Download ZIP" archives have.
	top := ""
	for i, f := range p.Files {
		first, _, ok := strings.Cut(f.Path, "/")
		if !ok || (i > 0 && first != top) {
			top = ""
			break
		}
		top = first
	}
	if top != "" {
		for i := range p.Files {
			p.Files[i].Path = strings.TrimPrefix(p.Files[i].Path, top+"/")
		}
	}
	return p, nil
}

func skipped(p string) bool {
	for _, part := range strings.Split(path.Dir(p), "/") {
		if skipDir[part] {
			return true
		}
	}
	return false
}

// Options tune a check.
type Options struct {
	// Progress, when set, is called after each source is analysed with the
	// number done and the total.
	Progress func(done, total int)
	// Workers bounds the parallel analysis; 0 means the number of CPUs.
	Workers int
}

// CheckPath checks a folder, notebook, script or zip on disk.
func CheckPath(ctx context.Context, root string, opt Options) (*Report, error) {
	p, err := LoadPath(ctx, root)
	if err != nil {
		return nil, err
	}
	return Check(ctx, p, opt)
}

// Check reviews a loaded project.
func Check(ctx context.Context, p *Project, opt Options) (*Report, error) {
	if !ParserAvailable {
		_, err := Parse(ctx, nil)
		return nil, err
	}
	var srcFiles []int
	for i, f := range p.Files {
		ext := strings.ToLower(path.Ext(f.Path))
		if ext == ".py" || ext == ".ipynb" {
			srcFiles = append(srcFiles, i)
		}
	}
	rep := &Report{Path: p.Root, Checked: Counts{Files: len(p.Files)}}
	p.Sources = make([]*Source, len(srcFiles))
	findings := make([][]Finding, len(srcFiles))
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		done int
		next = make(chan int)
	)
	for range min(workers, max(1, len(srcFiles))) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range next {
				f := p.Files[srcFiles[j]]
				src := loadSource(ctx, f)
				p.Sources[j] = src
				if src.ReadErr == "" {
					findings[j] = analyse(src)
				}
				if opt.Progress != nil {
					mu.Lock()
					done++
					opt.Progress(done, len(srcFiles))
					mu.Unlock()
				}
			}
		}()
	}
	for j := range srcFiles {
		if ctx.Err() != nil {
			break
		}
		next <- j
	}
	close(next)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	for j, src := range p.Sources {
		if src.Notebook != nil {
			rep.Checked.Notebooks++
		} else if src.ReadErr == "" {
			rep.Checked.Scripts++
		}
		if src.ReadErr != "" || src.unparsed() {
			rep.Checked.Unparsed = append(rep.Checked.Unparsed, src.File)
		}
		for _, c := range src.Chunks {
			rep.Checked.CodeLines += c.Lines()
		}
		rep.Findings = append(rep.Findings, findings[j]...)
	}
	rep.Findings = append(rep.Findings, hygiene(p)...)
	if rep.Findings == nil {
		rep.Findings = []Finding{}
	}
	rep.score()
	return rep, nil
}

// loadSource reads and parses one script or notebook.
func loadSource(ctx context.Context, f File) *Source {
	var prog *Program
	if strings.EqualFold(path.Ext(f.Path), ".ipynb") {
		if f.Data == nil {
			return &Source{Program: &Program{File: f.Path}, ReadErr: "too large to read"}
		}
		nb, err := ReadNotebook(f.Data)
		if err != nil {
			return &Source{Program: &Program{File: f.Path}, ReadErr: err.Error()}
		}
		prog = NotebookProgram(f.Path, nb)
	} else {
		if f.Data == nil {
			return &Source{Program: &Program{File: f.Path}, ReadErr: "too large to read"}
		}
		prog = ScriptProgram(f.Path, f.Data)
	}
	s := &Source{Program: prog, Trees: make([]*Tree, len(prog.Chunks))}
	for i, c := range prog.Chunks {
		t, err := Parse(ctx, c.Code)
		if err == nil {
			s.Trees[i] = t
		}
	}
	return s
}

// unparsed is true when no chunk parsed cleanly.
func (s *Source) unparsed() bool {
	if len(s.Trees) == 0 {
		return false
	}
	for _, t := range s.Trees {
		if t != nil && t.Errors == 0 {
			return false
		}
	}
	return true
}
