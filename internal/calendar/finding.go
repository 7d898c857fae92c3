package calendar

import "github.com/pkpm-btn3/pkpm/internal/diag"

// Finding and Rule are diag's, shared with check's rules.
type (
	Finding = diag.Finding
	Rule    = diag.Rule
)

// The rules, by id.
var (
	SlotTaken     = Rule{ID: "slot-taken", Severity: diag.Error, Hint: "move one of the posts with `pkpm schedule <post> --next`"}
	BlackoutDay   = Rule{ID: "blackout-day", Severity: diag.Error, Hint: "move the post with `pkpm schedule <post> --next`"}
	MaxPerDay     = Rule{ID: "max-per-day", Severity: diag.Error, Hint: "move a post to another day, or raise rules.max_per_day"}
	Overdue       = Rule{ID: "overdue", Severity: diag.Error, Hint: "post it and run `pkpm mark <post> published`, or move it with `pkpm schedule <post> --next`"}
	OutsidePeriod = Rule{ID: "outside-period", Severity: diag.Warning, Hint: "move the post into the period, or change start or end in calendar.yaml"}
	OffSlot       = Rule{ID: "off-slot", Severity: diag.Warning, Hint: "move the post to a slot with `pkpm schedule <post> --next`, or add the slot to calendar.yaml"}
	MinGap        = Rule{ID: "min-gap", Severity: diag.Warning, Hint: "spread the posts out, or lower rules.min_gap"}
	LongGap       = Rule{ID: "long-gap", Severity: diag.Warning, Hint: "schedule a post in between; `pkpm calendar` shows the free slots"}
	PillarBalance = Rule{ID: "pillar-balance", Severity: diag.Warning, Hint: "plan more posts of the pillars below their target"}
	PillarUnknown = Rule{ID: "pillar-unknown", Severity: diag.Warning, Hint: "use one of the pillars of calendar.yaml, or add this one there"}
	NotReady      = Rule{ID: "not-ready", Severity: diag.Warning, Hint: "finish the post and run `pkpm mark <post> ready`"}
)

// Rules lists every calendar rule, for documentation and tests.
var AllRules = []Rule{SlotTaken, BlackoutDay, MaxPerDay, Overdue, OutsidePeriod, OffSlot, MinGap, LongGap, PillarBalance, PillarUnknown, NotReady}

// at makes a finding of a rule that may involve other posts.
func at(r Rule, file string, line int, others []string, format string, args ...any) Finding {
	f := r.Finding(file, line, format, args...)
	f.Others = others
	return f
}

// SortFindings orders findings by file, line and rule.
func SortFindings(fs []Finding) { diag.SortFindings(fs) }

// Count returns how many errors and warnings there are.
func Count(fs []Finding) (errors, warnings int) { return diag.CountFindings(fs) }
