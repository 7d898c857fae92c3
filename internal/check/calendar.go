package check

import "github.com/pkpm-btn3/pkpm/internal/calendar"

// About reports whether a calendar finding concerns one of the files: as
// its subject, or as one of the others a clash involves (two posts in one
// slot, too close together). A finding about the plan as a whole — a gap
// between posts, the balance of pillars — concerns only its subject: a
// post it merely names as a neighbour is not the problem.
func About(f calendar.Finding, files map[string]bool) bool {
	if files[f.File] {
		return true
	}
	if planWide[f.Rule] {
		return false
	}
	for _, o := range f.Others {
		if files[o] {
			return true
		}
	}
	return false
}

var planWide = map[string]bool{calendar.LongGap.ID: true, calendar.PillarBalance.ID: true}
