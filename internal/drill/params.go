package drill

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/offerloop/offerloop/internal/errs"
	"github.com/offerloop/offerloop/internal/fsrs"
)

// settingReader is the part of Store that reads settings.
type settingReader interface {
	Setting(ctx context.Context, userID int64, key string) (string, error)
}

// LoadParameters returns the user's FSRS parameters: the ones fitted to their
// history if saved, else the FSRS-6 defaults.
func LoadParameters(ctx context.Context, s settingReader, userID int64) (fsrs.Parameters, error) {
	raw, err := s.Setting(ctx, userID, SettingParameters)
	if err != nil {
		return fsrs.Parameters{}, err
	}
	if strings.TrimSpace(raw) == "" {
		return fsrs.DefaultParameters, nil
	}
	return ParseParameters(raw)
}

// ParseParameters reads 21 comma-separated weights and checks their bounds.
func ParseParameters(raw string) (fsrs.Parameters, error) {
	var p fsrs.Parameters
	parts := strings.Split(raw, ",")
	if len(parts) != len(p) {
		return p, errs.Invalidf("FSRS parameters: want %d comma-separated numbers, got %d", len(p), len(parts))
	}
	for i, s := range parts {
		v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
		if err != nil {
			return p, errs.Invalidf("FSRS parameter w%d: %q is not a number", i, s)
		}
		p[i] = v
	}
	if err := p.Validate(); err != nil {
		return p, errs.Invalidf("%v", err)
	}
	return p, nil
}

// FormatParameters is the inverse of ParseParameters.
func FormatParameters(p fsrs.Parameters) string {
	parts := make([]string, len(p))
	for i, v := range p {
		parts[i] = strconv.FormatFloat(v, 'g', -1, 64)
	}
	return strings.Join(parts, ", ")
}

// SaveParameters stores parameters fitted to the user's history.
func SaveParameters(ctx context.Context, s interface {
	SetSetting(ctx context.Context, userID int64, key, value string) error
}, userID int64, p fsrs.Parameters) error {
	if err := p.Validate(); err != nil {
		return fmt.Errorf("drill: %w", err)
	}
	return s.SetSetting(ctx, userID, SettingParameters, FormatParameters(p))
}
