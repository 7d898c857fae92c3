package check

import (
	"fmt"
	"sort"

	"github.com/pkpm-btn3/pkpm/internal/diag"
)

// Finding is one problem a rule found.
type Finding struct {
	File     string        `json:"file"`
	Line     int           `json:"line,omitempty"`
	Slide    int           `json:"slide,omitempty"`
	Severity diag.Severity `json:"-"`
	Level    string        `json:"severity"`
	Rule     string        `json:"rule"`
	Message  string        `json:"message"`
	Hint     string        `json:"hint"`
}

// String formats a finding like a compiler message:
// "posts/x.md:12: error caption-length: caption is 2,340 characters; ...".
func (f Finding) String() string {
	where := diag.Diagnostic{File: f.File, Line: f.Line}.String()
	return fmt.Sprintf("%s: %s %s: %s", trimColon(where), f.Severity, f.Rule, f.Message)
}

func trimColon(s string) string {
	for len(s) > 0 && (s[len(s)-1] == ':' || s[len(s)-1] == ' ') {
		s = s[:len(s)-1]
	}
	return s
}

// Rule describes a rule: its id, severity and how to fix what it finds.
type Rule struct {
	ID       string
	Severity diag.Severity
	Hint     string
}

// finding makes a finding of a rule.
func (r Rule) at(file string, line, slide int, format string, args ...any) Finding {
	return Finding{File: file, Line: line, Slide: slide, Severity: r.Severity, Level: r.Severity.String(),
		Rule: r.ID, Message: fmt.Sprintf(format, args...), Hint: r.Hint}
}

// Sort orders findings by file, line, slide and rule, so output is stable.
func Sort(fs []Finding) {
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

// Count returns how many errors and warnings there are.
func Count(fs []Finding) (errors, warnings int) {
	for _, f := range fs {
		if f.Severity == diag.Error {
			errors++
		} else {
			warnings++
		}
	}
	return errors, warnings
}
