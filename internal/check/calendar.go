package check

import "github.com/pkpm-btn3/pkpm/internal/calendar"

// About reports whether a calendar finding concerns one of the files, as
// its subject or as one of the others it involves.
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
