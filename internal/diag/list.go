package diag

import (
	"errors"
	"sort"
	"strings"
)

// List collects every error found in a file, so one run can report them
// all instead of one per run (like go/scanner.ErrorList). As an error it
// reads as its diagnostics one per line; errors.As finds its first
// Diagnostic, and All returns every one.
type List []Diagnostic

// Add appends a diagnostic.
func (l *List) Add(d Diagnostic) { *l = append(*l, d) }

// Sort orders the list by file and line, keeping the order of
// diagnostics on one line.
func (l List) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		if l[i].File != l[j].File {
			return l[i].File < l[j].File
		}
		return l[i].Line < l[j].Line
	})
}

// Err is the list as an error, or nil when it is empty.
func (l List) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

func (l List) Error() string {
	s := make([]string, len(l))
	for i, d := range l {
		s[i] = d.String()
	}
	return strings.Join(s, "\n")
}

// Unwrap lets errors.Is and errors.As look at each diagnostic.
func (l List) Unwrap() []error {
	out := make([]error, len(l))
	for i, d := range l {
		out[i] = d
	}
	return out
}

// All returns the diagnostics an error carries: every one of a List, the
// one Diagnostic it wraps, or, for any other error, one diagnostic on
// file saying what went wrong. It returns nil for a nil error.
func All(err error, file string) []Diagnostic {
	if err == nil {
		return nil
	}
	var l List
	if errors.As(err, &l) {
		return append([]Diagnostic(nil), l...)
	}
	var d Diagnostic
	if errors.As(err, &d) {
		return []Diagnostic{d}
	}
	return []Diagnostic{Errorf(file, 0, "%v", err)}
}
