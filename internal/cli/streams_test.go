package cli

import "testing"

// The width to draw for: the terminal's, else COLUMNS, else 80.
func TestColumns(t *testing.T) {
	env := func(v string) func(string) string {
		return func(k string) string {
			if k == "COLUMNS" {
				return v
			}
			return ""
		}
	}
	for _, tt := range []struct {
		name    string
		term    int
		columns string
		want    int
	}{
		{"terminal", 132, "60", 132},
		{"pipe with COLUMNS", 0, "60", 60},
		{"pipe", 0, "", 80},
		{"nonsense COLUMNS", 0, "wide", 80},
	} {
		s := &Streams{Environ: env(tt.columns), OutColumns: func() int { return tt.term }}
		if got := s.columns(); got != tt.want {
			t.Errorf("%s: columns() = %d, want %d", tt.name, got, tt.want)
		}
	}
}
