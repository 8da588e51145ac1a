package judge

import (
	"strings"
	"testing"
)

// TestLibrary loads every problem and checks what a problem must have.
func TestLibrary(t *testing.T) {
	ps, err := Problems()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		if !strings.Contains(p.Starter, "def "+p.Entry+"(") || !strings.Contains(p.Solution, "def "+p.Entry+"(") {
			t.Errorf("%s: starter and solution must define %s", p.ID, p.Entry)
		}
		if !strings.HasPrefix(p.Signature, p.Entry+"(") {
			t.Errorf("%s: signature %q does not start with the entry point", p.ID, p.Signature)
		}
		vis, hidden := 0, 0
		for _, c := range p.Cases {
			if c.Visible {
				vis++
			} else {
				hidden++
			}
			if err := runCheck(CheckInput{Spec: c.Check, Calls: c.Calls, Got: c.Expected, Want: c.Expected, Extra: c.Extra}); err != nil {
				t.Errorf("%s case %q: the expected output fails its own check: %v", p.ID, c.Name, err)
			}
		}
		if vis == 0 || hidden < 3 {
			t.Errorf("%s: needs visible examples and at least 3 hidden cases (has %d visible, %d hidden)", p.ID, vis, hidden)
		}
		if len(strings.TrimSpace(p.Statement)) < 200 {
			t.Errorf("%s: statement too short", p.ID)
		}
	}
}
