package judge

import (
	"encoding/json"
	"testing"
)

// FuzzDecodeAndCheck feeds arbitrary bytes, as a hostile submission could send
// them back, through the value decoder and then through every problem's
// check, called directly (without runCheck's recover), so a check that would
// panic on some untrusted shape fails the fuzzer.
func FuzzDecodeAndCheck(f *testing.F) {
	for _, s := range []string{
		`{"nd":{"dtype":"float64","shape":[2],"data":[1.0,2.0]}}`,
		`{"nd":{"dtype":"int64","shape":[2,2],"data":[1,2,3,4]}}`,
		`[{"nd":{"dtype":"float64","shape":[1,3],"data":[1,{"f":"nan"},3]}},0.5]`,
		`[[1,2],[3,4]]`, `[]`, `null`, `"x"`, `{"repr":"<object>"}`, `{"f":"inf"}`,
		`{"nd":{"dtype":"float64","shape":[0,3],"data":[]}}`, `[[],[[]]]`, `{"dict":{"a":1}}`,
		`{"nd":{"dtype":"float64","shape":[4294967296,4294967296],"data":[]}}`,
	} {
		f.Add([]byte(s))
	}
	ps, err := Problems()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		v, err := DecodeValue(raw)
		if err != nil {
			return
		}
		Format(v, 0, true)
		Describe(v)
		if _, err := EncodeValue(v); err != nil {
			t.Fatalf("decoded value does not encode: %v", err)
		}
		for _, p := range ps {
			c := p.Cases[len(raw)%len(p.Cases)]
			got := make([]Value, len(c.Expected))
			for i := range got {
				got[i] = v
			}
			spec := c.Check
			var head struct {
				Type string `json:"type"`
			}
			json.Unmarshal(spec, &head)
			if head.Type == "" {
				head.Type = "allclose"
			}
			checks[head.Type](CheckInput{Spec: spec, Calls: c.Calls, Got: got, Want: c.Expected, Extra: c.Extra})
		}
	})
}
