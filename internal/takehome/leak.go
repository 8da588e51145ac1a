package takehome

// analyse runs the leakage analysis on one program.
func analyse(s *Source) []Finding { return nil }
