package calendar

import (
	"fmt"
	"sort"
	"strings"

	"github.com/pkpm-btn3/pkpm/internal/diag"
)

// Finding is one problem of the plan: the post (or calendar.yaml) it is
// about, the rule it breaks, and how to fix it. Its fields match
// check.Finding, so the check command can show both alike.
type Finding struct {
	File     string        `json:"file"`
	Line     int           `json:"line,omitempty"`
	Severity diag.Severity `json:"-"`
	Level    string        `json:"severity"`
	Rule     string        `json:"rule"`
	Message  string        `json:"message"`
	Hint     string        `json:"hint"`
	// Others are the other post files the problem involves.
	Others []string `json:"others,omitempty"`
}

// String formats a finding like a compiler message:
// "posts/x.md:4: error slot-taken: ...".
func (f Finding) String() string {
	where := strings.TrimSuffix(diag.Diagnostic{File: f.File, Line: f.Line}.String(), ": ")
	return fmt.Sprintf("%s: %s %s: %s", where, f.Severity, f.Rule, f.Message)
}

// Rule is one calendar check: a stable id, a severity and the usual fix.
type Rule struct {
	ID       string
	Severity diag.Severity
	Hint     string
}

// The rules, by id.
var (
	SlotTaken     = Rule{"slot-taken", diag.Error, "move one of the posts with `pkpm schedule <post> --next`"}
	BlackoutDay   = Rule{"blackout-day", diag.Error, "move the post with `pkpm schedule <post> --next`"}
	MaxPerDay     = Rule{"max-per-day", diag.Error, "move a post to another day, or raise rules.max_per_day"}
	Overdue       = Rule{"overdue", diag.Error, "post it and run `pkpm mark <post> published`, or move it with `pkpm schedule <post> --next`"}
	OutsidePeriod = Rule{"outside-period", diag.Warning, "move the post into the period, or change start or end in calendar.yaml"}
	OffSlot       = Rule{"off-slot", diag.Warning, "move the post to a slot with `pkpm schedule <post> --next`, or add the slot to calendar.yaml"}
	MinGap        = Rule{"min-gap", diag.Warning, "spread the posts out, or lower rules.min_gap"}
	LongGap       = Rule{"long-gap", diag.Warning, "schedule a post in between; `pkpm calendar` shows the free slots"}
	PillarBalance = Rule{"pillar-balance", diag.Warning, "plan more posts of the pillars below their target"}
	PillarUnknown = Rule{"pillar-unknown", diag.Warning, "use one of the pillars of calendar.yaml, or add this one there"}
	NotReady      = Rule{"not-ready", diag.Warning, "finish the post and run `pkpm mark <post> ready`"}
)

// Rules lists every calendar rule, for documentation and tests.
var AllRules = []Rule{SlotTaken, BlackoutDay, MaxPerDay, Overdue, OutsidePeriod, OffSlot, MinGap, LongGap, PillarBalance, PillarUnknown, NotReady}

func (r Rule) at(file string, line int, others []string, format string, args ...any) Finding {
	return Finding{File: file, Line: line, Severity: r.Severity, Level: r.Severity.String(), Rule: r.ID,
		Message: fmt.Sprintf(format, args...), Hint: r.Hint, Others: others}
}

// SortFindings orders findings by file, line and rule, so output is
// stable.
func SortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
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
