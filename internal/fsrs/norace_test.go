//go:build !race

package fsrs

const raceEnabled = false
