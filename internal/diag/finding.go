package diag

import (
	"fmt"
	"sort"
)

// Finding is a problem a rule found: where, which rule, how bad, and how
// to fix it. check's rules and the calendar's share it, so `pkpm check`
// shows both alike and as one JSON array.
type Finding struct {
	File     string   `json:"file"`
	Line     int      `json:"line,omitempty"`
	Slide    int      `json:"slide,omitempty"`
	Severity Severity `json:"-"`
	Level    string   `json:"severity"` // Severity, spelled out for JSON
	Rule     string   `json:"rule"`
	Message  string   `json:"message"`
	Hint     string   `json:"hint"`
	// Others are the other files the problem involves (two posts in one
	// slot).
	Others []string `json:"others,omitempty"`
}

// String formats a finding like a compiler message:
// "posts/x.md:12: error caption-length: caption is 2,340 characters; ...".
func (f Finding) String() string {
	where := Diagnostic{File: f.File, Line: f.Line}.String()
	for len(where) > 0 && (where[len(where)-1] == ':' || where[len(where)-1] == ' ') {
		where = where[:len(where)-1]
	}
	return fmt.Sprintf("%s: %s %s: %s", where, f.Severity, f.Rule, f.Message)
}

// Rule describes a rule: its stable id, its severity and the usual fix.
type Rule struct {
	ID       string
	Severity Severity
	Hint     string
}

// Finding makes a finding of the rule.
func (r Rule) Finding(file string, line int, format string, args ...any) Finding {
	return Finding{File: file, Line: line, Severity: r.Severity, Level: r.Severity.String(),
		Rule: r.ID, Message: fmt.Sprintf(format, args...), Hint: r.Hint}
}

// SortFindings orders findings by file, line, slide and rule, so output
// is stable.
func SortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Slide != b.Slide {
			return a.Slide < b.Slide
		}
		return a.Rule < b.Rule
	})
}

// CountFindings returns how many errors and warnings there are.
func CountFindings(fs []Finding) (errors, warnings int) {
	for _, f := range fs {
		if f.Severity == Error {
			errors++
		} else {
			warnings++
		}
	}
	return errors, warnings
}
