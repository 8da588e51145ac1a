package resume

// CheckFile reads a resume and checks it; with a job description (jd not
// nil), it also matches the two.
func CheckFile(name string, data []byte, jdName string, jd []byte) (*Report, error) {
	l, err := LoadLexicon()
	if err != nil {
		return nil, err
	}
	doc, err := Read(name, data)
	if err != nil {
		return nil, err
	}
	r := l.Check(name, doc)
	if jd != nil {
		lines, err := ReadJD(jdName, jd)
		if err != nil {
			return nil, err
		}
		r.Match = l.MatchJD(r, doc, lines)
	}
	return r, nil
}
