package check

import "github.com/pkpm-btn3/pkpm/internal/calendar"

// FromCalendar takes the calendar's findings in among the others; they
// share file, line, rule, severity and hint.
func FromCalendar(fs []calendar.Finding) []Finding {
	out := make([]Finding, 0, len(fs))
	for _, f := range fs {
		out = append(out, Finding{File: f.File, Line: f.Line, Severity: f.Severity, Level: f.Level, Rule: f.Rule, Message: f.Message, Hint: f.Hint})
	}
	return out
}

// About reports whether a calendar finding concerns one of the files.
func About(f calendar.Finding, files map[string]bool) bool {
	if files[f.File] {
		return true
	}
	for _, o := range f.Others {
		if files[o] {
			return true
		}
	}
	return false
}
