//go:build !cgo

package takehome

import (
	"context"
	"errors"
)

// ParserAvailable says whether this build can parse Python.
const ParserAvailable = false

// Parse needs tree-sitter, which is C: this build was made without cgo.
func Parse(ctx context.Context, src []byte) (*Tree, error) {
	return nil, errors.New("this offerloop was built without cgo, so it cannot parse Python; install a C compiler (apt-get install gcc libc6-dev) and build again")
}
