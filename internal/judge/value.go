// Package judge grades from-scratch ML coding solutions written in Python with
// numpy. Problems are data files embedded in the binary; a submission runs in a
// sandboxed, pre-warmed Python worker that receives only the test inputs and
// sends back its return values. Every comparison with the expected outputs
// happens here, in Go, so nothing a submission does inside the sandbox can
// change its verdict.
package judge

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// A Value is what crosses the sandbox boundary in either direction. It is one
// of: nil, bool, float64 (every Python int and float), string, []Value (a list
// or tuple) or *NDArray (a numpy array). Values decoded from a submission are
// untrusted: any of these types may appear where another was expected.
type Value = any

// NDArray is a numpy array: its dtype name as numpy spells it ("float64",
// "int64", "bool"), its shape, and its elements flattened in C order. Booleans
// are stored as 0 and 1; integers are exact up to 2^53.
type NDArray struct {
	DType string
	Shape []int
	Data  []float64
}

// Size is the number of elements the shape describes.
func (a *NDArray) Size() int {
	n := 1
	for _, d := range a.Shape {
		n *= d
	}
	return n
}

// IsInt reports whether the array holds integers or booleans.
func (a *NDArray) IsInt() bool {
	return strings.HasPrefix(a.DType, "int") || strings.HasPrefix(a.DType, "uint") || a.DType == "bool"
}

// Row returns row i of a 2-D array.
func (a *NDArray) Row(i int) []float64 {
	c := a.Shape[1]
	return a.Data[i*c : (i+1)*c]
}

// At2 returns element (i, j) of a 2-D array.
func (a *NDArray) At2(i, j int) float64 { return a.Data[i*a.Shape[1]+j] }

// NewArray builds an array of the given dtype and shape around data.
func NewArray(dtype string, data []float64, shape ...int) *NDArray {
	return &NDArray{DType: dtype, Shape: shape, Data: data}
}

// maxDims and maxElements bound what a submission can make us allocate.
const (
	maxDims     = 8
	maxElements = 1 << 24
)

// DecodeValue parses one value in the wire encoding written by the harness:
// JSON where an ndarray is {"nd":{"dtype","shape","data"}}, a non-finite float
// is {"f":"nan"|"inf"|"-inf"}, a tuple is a list, and anything the harness
// could not encode is {"repr":"..."}. It never panics on hostile input.
func DecodeValue(raw []byte) (Value, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, fmt.Errorf("judge: undecodable value: %w", err)
	}
	return fromJSON(v, 0)
}

func fromJSON(v any, depth int) (Value, error) {
	if depth > 32 {
		return nil, fmt.Errorf("judge: value nested too deeply")
	}
	switch x := v.(type) {
	case nil, bool, string:
		return x, nil
	case json.Number:
		f, err := strconv.ParseFloat(string(x), 64)
		if err != nil {
			return nil, fmt.Errorf("judge: bad number %q", string(x))
		}
		return f, nil
	case []any:
		out := make([]Value, len(x))
		for i, e := range x {
			d, err := fromJSON(e, depth+1)
			if err != nil {
				return nil, err
			}
			out[i] = d
		}
		return out, nil
	case map[string]any:
		if f, ok := x["f"].(string); ok && len(x) == 1 {
			switch f {
			case "nan":
				return math.NaN(), nil
			case "inf":
				return math.Inf(1), nil
			case "-inf":
				return math.Inf(-1), nil
			}
			return nil, fmt.Errorf("judge: bad float %q", f)
		}
		if r, ok := x["repr"].(string); ok && len(x) == 1 {
			return Opaque(r), nil
		}
		if nd, ok := x["nd"].(map[string]any); ok && len(x) == 1 {
			return arrayFromJSON(nd)
		}
		if d, ok := x["dict"].(map[string]any); ok && len(x) == 1 {
			out := make(map[string]Value, len(d))
			for k, e := range d {
				dv, err := fromJSON(e, depth+1)
				if err != nil {
					return nil, err
				}
				out[k] = dv
			}
			return out, nil
		}
		return nil, fmt.Errorf("judge: unknown value object")
	}
	return nil, fmt.Errorf("judge: unknown value %T", v)
}

// Opaque is a returned Python object the harness could not turn into data
// (a set, a generator, a custom class); it keeps the object's repr to show.
type Opaque string

func arrayFromJSON(nd map[string]any) (*NDArray, error) {
	dtype, _ := nd["dtype"].(string)
	shapeRaw, _ := nd["shape"].([]any)
	dataRaw, ok := nd["data"].([]any)
	if dtype == "" || !ok || len(shapeRaw) > maxDims {
		return nil, fmt.Errorf("judge: malformed array")
	}
	shape := make([]int, len(shapeRaw))
	size := 1
	for i, s := range shapeRaw {
		n, ok := s.(json.Number)
		if !ok {
			return nil, fmt.Errorf("judge: malformed array shape")
		}
		d, err := strconv.Atoi(string(n))
		if err != nil || d < 0 || d > maxElements {
			return nil, fmt.Errorf("judge: malformed array shape")
		}
		shape[i] = d
		size *= d
		if size > maxElements {
			return nil, fmt.Errorf("judge: array too large")
		}
	}
	if len(dataRaw) != size {
		return nil, fmt.Errorf("judge: array data does not match its shape")
	}
	data := make([]float64, size)
	for i, e := range dataRaw {
		switch x := e.(type) {
		case json.Number:
			f, err := strconv.ParseFloat(string(x), 64)
			if err != nil {
				return nil, fmt.Errorf("judge: bad array element")
			}
			data[i] = f
		case bool:
			if x {
				data[i] = 1
			}
		case map[string]any:
			f, err := fromJSON(x, 31)
			fv, ok := f.(float64)
			if err != nil || !ok {
				return nil, fmt.Errorf("judge: bad array element")
			}
			data[i] = fv
		default:
			return nil, fmt.Errorf("judge: array of %T is not numeric", e)
		}
	}
	return &NDArray{DType: dtype, Shape: shape, Data: data}, nil
}

// EncodeValue writes a value in the wire encoding DecodeValue reads.
func EncodeValue(v Value) ([]byte, error) {
	var b bytes.Buffer
	if err := encode(&b, v); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func encode(b *bytes.Buffer, v Value) error {
	switch x := v.(type) {
	case nil:
		b.WriteString("null")
	case bool:
		b.WriteString(strconv.FormatBool(x))
	case float64:
		writeFloat(b, x)
	case int:
		b.WriteString(strconv.Itoa(x))
	case string:
		s, _ := json.Marshal(x)
		b.Write(s)
	case Opaque:
		s, _ := json.Marshal(string(x))
		b.WriteString(`{"repr":`)
		b.Write(s)
		b.WriteString("}")
	case []Value:
		b.WriteByte('[')
		for i, e := range x {
			if i > 0 {
				b.WriteByte(',')
			}
			if err := encode(b, e); err != nil {
				return err
			}
		}
		b.WriteByte(']')
	case map[string]Value:
		b.WriteString(`{"dict":{`)
		keys := sortedKeys(x)
		for i, k := range keys {
			if i > 0 {
				b.WriteByte(',')
			}
			s, _ := json.Marshal(k)
			b.Write(s)
			b.WriteByte(':')
			if err := encode(b, x[k]); err != nil {
				return err
			}
		}
		b.WriteString("}}")
	case *NDArray:
		s, _ := json.Marshal(x.DType)
		b.WriteString(`{"nd":{"dtype":`)
		b.Write(s)
		b.WriteString(`,"shape":[`)
		for i, d := range x.Shape {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(strconv.Itoa(d))
		}
		b.WriteString(`],"data":[`)
		for i, f := range x.Data {
			if i > 0 {
				b.WriteByte(',')
			}
			if x.DType == "bool" {
				b.WriteString(strconv.FormatBool(f != 0))
				continue
			}
			writeFloat(b, f)
		}
		b.WriteString("]}}")
	default:
		return fmt.Errorf("judge: cannot encode %T", v)
	}
	return nil
}

func writeFloat(b *bytes.Buffer, f float64) {
	switch {
	case math.IsNaN(f):
		b.WriteString(`{"f":"nan"}`)
	case math.IsInf(f, 1):
		b.WriteString(`{"f":"inf"}`)
	case math.IsInf(f, -1):
		b.WriteString(`{"f":"-inf"}`)
	case f == math.Trunc(f) && math.Abs(f) < 1e15:
		b.WriteString(strconv.FormatFloat(f, 'f', -1, 64))
	default:
		b.WriteString(strconv.FormatFloat(f, 'g', -1, 64))
	}
}

// Describe renders a value briefly for a wrong-answer message: type and shape
// for arrays, the value itself for scalars.
func Describe(v Value) string {
	switch x := v.(type) {
	case nil:
		return "None"
	case bool:
		if x {
			return "True"
		}
		return "False"
	case float64:
		return strconv.FormatFloat(x, 'g', 8, 64)
	case string:
		return strconv.Quote(x)
	case Opaque:
		return string(x)
	case []Value:
		return fmt.Sprintf("a tuple/list of %d items", len(x))
	case map[string]Value:
		return fmt.Sprintf("a dict of %d keys", len(x))
	case *NDArray:
		return fmt.Sprintf("an array of shape %s and dtype %s", shapeString(x.Shape), x.DType)
	}
	return fmt.Sprintf("%T", v)
}

func shapeString(s []int) string {
	parts := make([]string, len(s))
	for i, d := range s {
		parts[i] = strconv.Itoa(d)
	}
	if len(s) == 1 {
		return "(" + parts[0] + ",)"
	}
	return "(" + strings.Join(parts, ", ") + ")"
}
