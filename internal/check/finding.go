package check

import "github.com/pkpm-btn3/pkpm/internal/diag"

// Finding and Rule are diag's, shared with the calendar's rules.
type (
	Finding = diag.Finding
	Rule    = diag.Rule
)

// at makes a finding of a rule about a slide (0 for none).
func at(r Rule, file string, line, slide int, format string, args ...any) Finding {
	f := r.Finding(file, line, format, args...)
	f.Slide = slide
	return f
}

// Sort orders findings by file, line, slide and rule.
func Sort(fs []Finding) { diag.SortFindings(fs) }

// Count returns how many errors and warnings there are.
func Count(fs []Finding) (errors, warnings int) { return diag.CountFindings(fs) }
