package takehome

import (
	"fmt"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/goccy/go-yaml"
)

// stdlib lists the top-level modules of the Python 3.12 standard library
// (sys.stdlib_module_names without the private ones), plus those removed in
// 3.12 (asynchat, asyncore, distutils, imp, smtpd), which older code still
// imports and which are no third-party dependency either.
var stdlib = setOf(`__future__ __main__ abc aifc antigravity argparse array ast asynchat asyncio
asyncore atexit audioop base64 bdb binascii bisect builtins bz2 cProfile calendar cgi cgitb
chunk cmath cmd code codecs codeop collections colorsys compileall concurrent configparser
contextlib contextvars copy copyreg crypt csv ctypes curses dataclasses datetime dbm decimal
difflib dis distutils doctest email encodings ensurepip enum errno faulthandler fcntl filecmp
fileinput fnmatch fractions ftplib functools gc genericpath getopt getpass gettext glob
graphlib grp gzip hashlib heapq hmac html http idlelib imaplib imghdr imp importlib inspect io
ipaddress itertools json keyword lib2to3 linecache locale logging lzma mailbox mailcap marshal
math mimetypes mmap modulefinder msilib msvcrt multiprocessing netrc nis nntplib nt ntpath
nturl2path numbers opcode operator optparse os ossaudiodev pathlib pdb pickle pickletools
pipes pkgutil platform plistlib poplib posix posixpath pprint profile pstats pty pwd
py_compile pyclbr pydoc pydoc_data pyexpat queue quopri random re readline reprlib resource
rlcompleter runpy sched secrets select selectors shelve shlex shutil signal site smtpd
smtplib sndhdr socket socketserver spwd sqlite3 sre_compile sre_constants sre_parse ssl stat
statistics string stringprep struct subprocess sunau symtable sys sysconfig syslog tabnanny
tarfile telnetlib tempfile termios textwrap this threading time timeit tkinter token tokenize
tomllib trace traceback tracemalloc tty turtle turtledemo types typing unicodedata unittest
urllib uu uuid venv warnings wave weakref webbrowser winreg winsound wsgiref xdrlib xml
xmlrpc zipapp zipfile zipimport zlib zoneinfo`)

func setOf(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// importDists maps an import name to the distributions that provide it,
// the usual one first, where the two differ or a conda package has another
// name. An import not listed is looked for under its own name.
var importDists = map[string][]string{
	"sklearn":               {"scikit-learn"},
	"cv2":                   {"opencv-python", "opencv-python-headless", "opencv-contrib-python", "opencv-contrib-python-headless", "opencv", "py-opencv"},
	"PIL":                   {"Pillow"},
	"yaml":                  {"PyYAML"},
	"bs4":                   {"beautifulsoup4"},
	"skimage":               {"scikit-image"},
	"imblearn":              {"imbalanced-learn"},
	"dotenv":                {"python-dotenv"},
	"dateutil":              {"python-dateutil"},
	"torch":                 {"torch", "pytorch"},
	"xgboost":               {"xgboost", "py-xgboost"},
	"lightgbm":              {"lightgbm"},
	"catboost":              {"catboost"},
	"tensorflow":            {"tensorflow", "tensorflow-cpu", "tensorflow-gpu", "tensorflow-macos", "tf-nightly"},
	"keras":                 {"keras", "tensorflow", "tensorflow-cpu", "tensorflow-gpu", "tensorflow-macos"},
	"tf_keras":              {"tf-keras"},
	"pytorch_lightning":     {"pytorch-lightning", "lightning"},
	"umap":                  {"umap-learn"},
	"sentence_transformers": {"sentence-transformers"},
	"huggingface_hub":       {"huggingface-hub"},
	"mpl_toolkits":          {"matplotlib"},
	"pylab":                 {"matplotlib"},
	"faiss":                 {"faiss-cpu", "faiss-gpu", "faiss"},
	"Levenshtein":           {"python-Levenshtein", "Levenshtein"},
	"attr":                  {"attrs"},
	"jwt":                   {"PyJWT"},
	"Crypto":                {"pycryptodome"},
	"fitz":                  {"PyMuPDF"},
	"docx":                  {"python-docx"},
	"pptx":                  {"python-pptx"},
	"magic":                 {"python-magic"},
	"serial":                {"pyserial"},
	"zmq":                   {"pyzmq"},
	"psycopg2":              {"psycopg2", "psycopg2-binary"},
	"MySQLdb":               {"mysqlclient"},
	"kafka":                 {"kafka-python"},
	"git":                   {"GitPython"},
	"github":                {"PyGithub"},
	"slugify":               {"python-slugify"},
	"multipart":             {"python-multipart"},
	"OpenSSL":               {"pyOpenSSL"},
	"ruamel":                {"ruamel.yaml"},
	"Bio":                   {"biopython"},
	"category_encoders":     {"category-encoders"},
	"pandas_profiling":      {"pandas-profiling", "ydata-profiling"},
	"ydata_profiling":       {"ydata-profiling"},
	"tensorflow_hub":        {"tensorflow-hub"},
	"tensorflow_datasets":   {"tensorflow-datasets"},
	"tensorflow_addons":     {"tensorflow-addons"},
	"tensorflow_text":       {"tensorflow-text"},
	"onnxruntime":           {"onnxruntime", "onnxruntime-gpu"},
	"community":             {"python-louvain"},
	"igraph":                {"igraph", "python-igraph"},
	"haiku":                 {"dm-haiku"},
	"tree":                  {"dm-tree"},
	"newspaper":             {"newspaper3k"},
	"pyLDAvis":              {"pyLDAvis"},
	"IPython":               {"ipython"},
	"google":                {"google-*", "protobuf"},
	"azure":                 {"azure-*"},
	"win32api":              {"pywin32"},
	"sklearn_pandas":        {"sklearn-pandas"},
	"fbprophet":             {"fbprophet"},
	"darts":                 {"darts", "u8darts"},
	"rdkit":                 {"rdkit", "rdkit-pypi"},
}

// implied lists what installing a distribution brings with it, so that a
// requirements file naming seaborn covers `import matplotlib`: the code
// then runs from a fresh environment, which is what the rule is about.
var implied = map[string][]string{
	"pandas":                 {"numpy", "python-dateutil", "pytz"},
	"scikit-learn":           {"numpy", "scipy", "joblib", "threadpoolctl"},
	"scipy":                  {"numpy"},
	"matplotlib":             {"numpy", "pillow", "pyparsing", "packaging", "python-dateutil", "cycler", "kiwisolver"},
	"seaborn":                {"matplotlib", "pandas", "numpy"},
	"statsmodels":            {"numpy", "scipy", "pandas", "patsy"},
	"tensorflow":             {"numpy", "keras", "protobuf", "h5py", "tensorboard"},
	"tensorflow-cpu":         {"tensorflow"},
	"tensorflow-gpu":         {"tensorflow"},
	"tensorflow-macos":       {"tensorflow"},
	"keras":                  {"numpy", "h5py"},
	"torch":                  {"networkx", "jinja2", "sympy", "fsspec", "filelock"},
	"pytorch":                {"torch"},
	"torchvision":            {"torch", "numpy", "pillow"},
	"torchaudio":             {"torch"},
	"transformers":           {"numpy", "huggingface-hub", "pyyaml", "requests", "tqdm", "tokenizers", "safetensors", "regex", "packaging", "filelock"},
	"sentence-transformers":  {"transformers", "torch", "scikit-learn", "scipy", "huggingface-hub", "tqdm", "pillow"},
	"datasets":               {"numpy", "pandas", "pyarrow", "requests", "tqdm", "huggingface-hub", "pyyaml"},
	"xgboost":                {"numpy", "scipy"},
	"py-xgboost":             {"xgboost"},
	"lightgbm":               {"numpy", "scipy"},
	"catboost":               {"numpy", "pandas", "scipy", "matplotlib", "plotly", "graphviz"},
	"imbalanced-learn":       {"scikit-learn"},
	"shap":                   {"numpy", "scipy", "scikit-learn", "pandas", "tqdm", "numba"},
	"umap-learn":             {"numpy", "scipy", "scikit-learn", "numba"},
	"optuna":                 {"numpy", "sqlalchemy", "tqdm", "pyyaml"},
	"lightning":              {"torch", "tqdm", "pyyaml"},
	"pytorch-lightning":      {"torch", "tqdm", "pyyaml"},
	"scikit-image":           {"numpy", "scipy", "pillow", "imageio", "networkx"},
	"opencv-python":          {"numpy"},
	"opencv-python-headless": {"numpy"},
	"opencv-contrib-python":  {"numpy"},
	"jupyter":                {"ipython", "notebook", "ipykernel", "ipywidgets"},
	"notebook":               {"ipython", "ipykernel"},
	"jupyterlab":             {"ipython", "ipykernel"},
	"ipykernel":              {"ipython"},
	"nltk":                   {"tqdm", "joblib", "regex", "click"},
	"plotly":                 {"packaging"},
	"category-encoders":      {"scikit-learn", "pandas", "statsmodels"},
}

// normDist normalises a distribution name as PEP 503 does.
func normDist(name string) string {
	return strings.Trim(distSepRe.ReplaceAllString(strings.ToLower(name), "-"), "-")
}

var distSepRe = regexp.MustCompile(`[-_.]+`)

// distFor is the distribution a reviewer would add for an import name.
func distFor(module string) string {
	if d, ok := importDists[module]; ok {
		return d[0]
	}
	return normDist(module)
}

// covered says whether a set of declared distributions (normalised, with
// what they imply) provides an import.
func covered(module string, declared map[string]bool) bool {
	cands := importDists[module]
	if cands == nil {
		n := normDist(module)
		cands = []string{n, "python-" + n, n + "-python", "py" + n}
	}
	for _, c := range cands {
		if prefix, ok := strings.CutSuffix(c, "*"); ok {
			for d := range declared {
				if strings.HasPrefix(d, prefix) {
					return true
				}
			}
			continue
		}
		if declared[normDist(c)] {
			return true
		}
	}
	return false
}

// withImplied adds what each declared distribution brings with it.
func withImplied(declared map[string]bool) map[string]bool {
	out := map[string]bool{}
	var add func(string)
	add = func(d string) {
		if out[d] {
			return
		}
		out[d] = true
		for _, i := range implied[d] {
			add(normDist(i))
		}
	}
	for d := range declared {
		add(d)
	}
	return out
}

// requirement is one dependency declared in a manifest.
type requirement struct {
	Name   string // as written
	Spec   string // the requirement as written, for messages
	Pinned bool   // an exact version (==, ===, ~=, a conda =, a URL or VCS ref)
	Line   int    // 1-based line in the manifest, 0 when unknown
}

// manifest is a dependency manifest of the project.
type manifest struct {
	Path string
	Kind string // requirements, pyproject, setup.py, setup.cfg, pipfile, conda
	Reqs []requirement
	Text []string // the file's lines, for excerpts
}

// manifestKind says which kind of manifest a file is, or "".
func manifestKind(p string) string {
	base := strings.ToLower(path.Base(p))
	switch {
	case base == "pyproject.toml":
		return "pyproject"
	case base == "setup.py":
		return "setup.py"
	case base == "setup.cfg":
		return "setup.cfg"
	case base == "pipfile":
		return "pipfile"
	case base == "environment.yml" || base == "environment.yaml" || base == "conda.yml" || base == "conda.yaml":
		return "conda"
	case strings.HasPrefix(base, "requirements") && (strings.HasSuffix(base, ".txt") || strings.HasSuffix(base, ".in")):
		return "requirements"
	case path.Base(path.Dir(p)) == "requirements" && strings.HasSuffix(base, ".txt"):
		return "requirements"
	}
	return ""
}

// lockFiles are files that pin every dependency, whatever the manifest says.
var lockFiles = setOf(`poetry.lock pipfile.lock uv.lock pdm.lock conda-lock.yml conda-lock.yaml`)

var (
	reqNameRe  = regexp.MustCompile(`^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*(.*)$`)
	eggRe      = regexp.MustCompile(`#egg=([A-Za-z0-9._-]+)`)
	exactPinRe = regexp.MustCompile(`(===|==|~=)\s*[0-9A-Za-z]`)
)

// parsePEP508 reads one requirement string ("pandas>=2; python_version>'3.8'").
func parsePEP508(s string, line int) (requirement, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return requirement{}, false
	}
	if m := eggRe.FindStringSubmatch(s); m != nil && strings.Contains(s, "://") {
		return requirement{Name: m[1], Spec: s, Pinned: true, Line: line}, true
	}
	spec, _, _ := strings.Cut(s, ";")
	spec = strings.TrimSpace(spec)
	m := reqNameRe.FindStringSubmatch(spec)
	if m == nil {
		return requirement{}, false
	}
	rest := strings.TrimSpace(m[3])
	pinned := exactPinRe.MatchString(rest) || strings.HasPrefix(rest, "@")
	return requirement{Name: m[1], Spec: spec, Pinned: pinned, Line: line}, true
}

// parseManifest reads the dependencies a manifest declares. setup.py is
// read from its parsed tree (install_requires), so it takes the Source.
func parseManifest(f File, kind string, setupPy *Source) manifest {
	text := strings.ReplaceAll(string(f.Data), "\r\n", "\n")
	m := manifest{Path: f.Path, Kind: kind, Text: strings.Split(text, "\n")}
	switch kind {
	case "requirements":
		m.Reqs = parseRequirements(m.Text)
	case "pyproject":
		m.Reqs = parsePyproject(m.Text)
	case "pipfile":
		m.Reqs = parseTOMLTables(m.Text, func(table string) bool {
			return table == "packages" || table == "dev-packages"
		})
	case "setup.cfg":
		m.Reqs = parseSetupCfg(m.Text)
	case "conda":
		m.Reqs = parseConda(f.Data, m.Text)
	case "setup.py":
		m.Reqs = parseSetupPy(setupPy)
	}
	return m
}

func parseRequirements(lines []string) []requirement {
	var out []requirement
	for i, l := range lines {
		if j := strings.Index(l, " #"); j >= 0 {
			l = l[:j]
		}
		l = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(l), "\\"))
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		if strings.HasPrefix(l, "-") {
			// Options (-r, -c, --index-url); an editable install (-e) is the
			// project itself or a VCS checkout, pinned by its ref.
			continue
		}
		if strings.HasPrefix(l, ".") || strings.HasPrefix(l, "/") || strings.HasPrefix(l, "file:") {
			continue
		}
		if r, ok := parsePEP508(l, i+1); ok {
			out = append(out, r)
		}
	}
	return out
}

var (
	tomlTableRe = regexp.MustCompile(`^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(#.*)?$`)
	tomlKeyRe   = regexp.MustCompile(`^\s*("?[A-Za-z0-9._-]+"?)\s*=\s*(.*)$`)
	tomlStrRe   = regexp.MustCompile(`"((?:[^"\\]|\\.)*)"|'([^']*)'`)
	poetryVerRe = regexp.MustCompile(`version\s*=\s*["']([^"']*)["']`)
)

// parsePyproject reads PEP 621 ([project] dependencies and optional ones),
// PEP 735 dependency groups and Poetry's dependency tables. It is a line
// reader for the shapes these take, not a TOML parser.
func parsePyproject(lines []string) []requirement {
	var out []requirement
	table := ""
	inArray := false
	for i, l := range lines {
		if !inArray {
			if m := tomlTableRe.FindStringSubmatch(l); m != nil {
				table = strings.ReplaceAll(m[1], `"`, "")
				continue
			}
		}
		poetry := strings.HasPrefix(table, "tool.poetry") && strings.HasSuffix(table, "dependencies")
		if poetry {
			if r, ok := poetryLine(l, i+1); ok {
				out = append(out, r)
			}
			continue
		}
		arrays := table == "project.optional-dependencies" || table == "dependency-groups"
		if !inArray {
			m := tomlKeyRe.FindStringSubmatch(l)
			if m == nil {
				continue
			}
			if !(arrays || (table == "project" && m[1] == "dependencies")) {
				continue
			}
			v := strings.TrimSpace(m[2])
			if !strings.HasPrefix(v, "[") {
				continue
			}
			l = v[1:]
			inArray = true
		}
		body, closed := l, false
		if j := arrayEnd(l); j >= 0 {
			body, closed = l[:j], true
		}
		for _, sm := range tomlStrRe.FindAllStringSubmatch(body, -1) {
			if r, ok := parsePEP508(sm[1]+sm[2], i+1); ok {
				out = append(out, r)
			}
		}
		if closed {
			inArray = false
		}
	}
	return out
}

// arrayEnd is the index of the ] that closes an array on this line, outside
// strings and comments, or -1.
func arrayEnd(l string) int {
	var q byte
	for i := 0; i < len(l); i++ {
		c := l[i]
		switch {
		case q != 0:
			if c == q {
				q = 0
			}
		case c == '"' || c == '\'':
			q = c
		case c == '#':
			return -1
		case c == ']':
			return i
		}
	}
	return -1
}

// poetryLine reads `name = "^1.2"` or `name = {version = "1.2", ...}`.
func poetryLine(l string, line int) (requirement, bool) {
	m := tomlKeyRe.FindStringSubmatch(l)
	if m == nil {
		return requirement{}, false
	}
	name := strings.Trim(m[1], `"`)
	if strings.EqualFold(name, "python") {
		return requirement{}, false
	}
	v := strings.TrimSpace(m[2])
	ver := ""
	switch {
	case strings.HasPrefix(v, "{"):
		if strings.Contains(v, "path") || strings.Contains(v, "git") || strings.Contains(v, "url") {
			return requirement{Name: name, Spec: strings.TrimSpace(l), Pinned: true, Line: line}, true
		}
		if vm := poetryVerRe.FindStringSubmatch(v); vm != nil {
			ver = vm[1]
		}
	default:
		if sm := tomlStrRe.FindStringSubmatch(v); sm != nil {
			ver = sm[1] + sm[2]
		}
	}
	return requirement{Name: name, Spec: strings.TrimSpace(l), Pinned: exactVersion(ver), Line: line}, true
}

var bareVersionRe = regexp.MustCompile(`^\s*(==|===|~=)?\s*v?\d+(\.\d+)*([a-z0-9.+-]*)\s*$`)

// exactVersion says whether a Poetry or Pipfile version string pins: "1.2.3"
// and "==1.2.3" do, "^1.2", ">=1", "*" and "" do not.
func exactVersion(v string) bool {
	return bareVersionRe.MatchString(v) && !strings.ContainsAny(v, "*^<>!,")
}

// parseTOMLTables reads `name = "version"` lines in the chosen tables (Pipfile).
func parseTOMLTables(lines []string, want func(string) bool) []requirement {
	var out []requirement
	table := ""
	for i, l := range lines {
		if m := tomlTableRe.FindStringSubmatch(l); m != nil {
			table = m[1]
			continue
		}
		if want(table) {
			if r, ok := poetryLine(l, i+1); ok {
				out = append(out, r)
			}
		}
	}
	return out
}

// parseSetupCfg reads [options] install_requires, a key with indented lines.
func parseSetupCfg(lines []string) []requirement {
	var out []requirement
	section, in := "", false
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, "[") && strings.HasSuffix(t, "]") {
			section, in = t, false
			continue
		}
		if section != "[options]" {
			continue
		}
		if k, v, ok := strings.Cut(t, "="); ok && l == strings.TrimLeft(l, " \t") {
			in = strings.TrimSpace(k) == "install_requires"
			if in && strings.TrimSpace(v) != "" {
				if r, ok := parsePEP508(v, i+1); ok {
					out = append(out, r)
				}
			}
			continue
		}
		if in && t != "" && !strings.HasPrefix(t, "#") {
			if r, ok := parsePEP508(t, i+1); ok {
				out = append(out, r)
			}
		}
	}
	return out
}

// parseSetupPy reads the string literals of install_requires=[...] in a
// setup() call.
func parseSetupPy(s *Source) []requirement {
	if s == nil {
		return nil
	}
	var out []requirement
	for _, t := range s.Trees {
		if t == nil {
			continue
		}
		t.Root.Walk(func(n *Node) bool {
			if n.Kind != "call" {
				return true
			}
			_, kw := n.Args()
			if v := kw["install_requires"]; v != nil {
				for _, k := range v.Kids {
					if sv, ok := k.StringValue(); ok {
						if r, ok := parsePEP508(sv, k.Line); ok {
							out = append(out, r)
						}
					}
				}
			}
			return true
		})
	}
	return out
}

var condaSpecRe = regexp.MustCompile(`^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(.*)$`)

// parseConda reads an environment.yml: conda specs ("numpy=1.26",
// "conda-forge::lightgbm") and the nested pip list.
func parseConda(data []byte, lines []string) []requirement {
	var env struct {
		Dependencies []any `yaml:"dependencies"`
	}
	if err := yaml.Unmarshal(data, &env); err != nil {
		return nil
	}
	lineOf := func(s string) int {
		for i, l := range lines {
			if strings.Contains(l, s) {
				return i + 1
			}
		}
		return 0
	}
	var out []requirement
	for _, d := range env.Dependencies {
		switch v := d.(type) {
		case string:
			spec := v
			if _, after, ok := strings.Cut(spec, "::"); ok {
				spec = after
			}
			m := condaSpecRe.FindStringSubmatch(strings.TrimSpace(spec))
			if m == nil {
				continue
			}
			name := m[1]
			if name == "python" || name == "pip" {
				continue
			}
			// numpy=1.26, numpy==1.26.4 and "numpy 1.26" pin; >=, < and a
			// bare name do not.
			rest := strings.TrimSpace(m[2])
			pinned := strings.HasPrefix(rest, "=") || strings.HasPrefix(rest, "~=") || (rest != "" && rest[0] >= '0' && rest[0] <= '9')
			out = append(out, requirement{Name: name, Spec: v, Pinned: pinned, Line: lineOf(v)})
		case map[string]any:
			pip, _ := v["pip"].([]any)
			for _, p := range pip {
				s, ok := p.(string)
				if !ok || strings.HasPrefix(s, "-") {
					continue
				}
				if r, ok := parsePEP508(s, lineOf(s)); ok {
					out = append(out, r)
				}
			}
		}
	}
	return out
}

// describeReqs lists up to n requirements as written, with "and k more".
func describeReqs(rs []requirement, n int) string {
	var parts []string
	for i, r := range rs {
		if i == n {
			parts = append(parts, fmt.Sprintf("and %d more", len(rs)-n))
			break
		}
		parts = append(parts, r.Spec)
	}
	return strings.Join(parts, ", ")
}

// sortedKeys is a map's keys in order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
