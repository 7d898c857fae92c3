package calendar

import (
	"fmt"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/pkpm-btn3/pkpm/internal/diag"
)

const slotExample = `- {days: [senin, rabu, jumat], time: "19:00"}`

func (d *decoder) slots(k, v *yaml.Node) error {
	items, err := d.items(k, v, slotExample)
	if err != nil {
		return err
	}
	for _, n := range items {
		s, err := d.slot(n)
		if err != nil {
			d.add(n, err)
			continue
		}
		d.c.Slots = append(d.c.Slots, s)
	}
	return nil
}

func (d *decoder) slot(n *yaml.Node) (Slot, error) {
	if n.Kind != yaml.MappingNode {
		return Slot{}, d.errorf(n, "each slot needs days and a time, like\n  %s", slotExample)
	}
	fs, err := d.fields(n, slotKeys)
	if err != nil {
		return Slot{}, err
	}
	s := Slot{Line: n.Line}
	t, ok := fs["time"]
	if !ok {
		return s, d.errorf(n, "this slot has no %q; add one, like %q", "time", `time: "19:00"`)
	}
	clock, err := d.scalar(t.k, t.v, `"19:00"`)
	if err != nil {
		return s, err
	}
	var reason string
	if s.Hour, s.Minute, reason = parseClock(clock); reason != "" {
		return s, d.errorf(t.v, "time %q is not a time of day (%s); write it as HH:MM, like %q", clock, reason, "19:00")
	}
	days, hasDays := fs["days"]
	date, hasDate := fs["date"]
	switch {
	case hasDays && hasDate:
		return s, d.errorf(date.k, "a slot has either %q (every week) or %q (once), not both", "days", "date")
	case hasDate:
		return s, d.oneOff(&s, fs)
	case !hasDays:
		return s, d.errorf(n, "this slot has no %q; add the days it repeats on, like %q", "days", "days: [senin, rabu, jumat]")
	}
	if err := d.weekdays(&s, days.k, days.v); err != nil {
		return s, err
	}
	return s, d.slotLimits(&s, fs)
}

// weekdays reads a list of day names, or one line of them.
func (d *decoder) weekdays(s *Slot, k, v *yaml.Node) error {
	var names []*yaml.Node
	switch {
	case v.Kind == yaml.ScalarNode && !isNull(v):
		if everyDay[strings.ToLower(strings.TrimSpace(v.Value))] {
			s.Days = [7]bool{true, true, true, true, true, true, true}
			return nil
		}
		for _, f := range strings.FieldsFunc(v.Value, func(r rune) bool { return r == ',' || r == ' ' }) {
			names = append(names, &yaml.Node{Kind: yaml.ScalarNode, Value: f, Line: v.Line})
		}
	case v.Kind == yaml.SequenceNode:
		for _, n := range v.Content {
			names = append(names, resolve(n))
		}
	}
	if len(names) == 0 {
		return d.errorf(k, "%q needs day names, like %q", "days", "days: [senin, rabu, jumat]")
	}
	for _, n := range names {
		if n.Kind != yaml.ScalarNode {
			return d.errorf(n, "each day is one name, like %q", "senin")
		}
		wd, ok := parseWeekday(n.Value)
		if !ok {
			return d.unknownDay(n)
		}
		s.Days[wd] = true
	}
	return nil
}

func (d *decoder) unknownDay(n *yaml.Node) error {
	msg := fmt.Sprintf("unknown day %q", n.Value)
	if s := suggestFold(n.Value, fullDayNames); s != "" {
		msg += fmt.Sprintf(" — did you mean %q?", s)
	} else {
		msg += "; use senin, selasa, rabu, kamis, jumat, sabtu, minggu (or the English names)"
	}
	return diag.Errorf(d.file, n.Line, "%s", msg)
}

func (d *decoder) oneOff(s *Slot, fs map[string]field) error {
	for _, key := range []string{"from", "to"} {
		if f, ok := fs[key]; ok {
			return d.errorf(f.k, "%q limits a weekly slot; a slot with a %q happens once", key, "date")
		}
	}
	f := fs["date"]
	day, err := d.day(f.k, f.v, "2020-08-22")
	if err != nil {
		return err
	}
	if !d.c.InPeriod(day) {
		return d.errorf(f.v, "this slot (%s) is outside the period (%s); move it, or change start or end", day, d.periodRange())
	}
	s.Date = day
	return nil
}

// slotLimits reads a weekly slot's own from and to.
func (d *decoder) slotLimits(s *Slot, fs map[string]field) error {
	for _, key := range []string{"from", "to"} {
		f, ok := fs[key]
		if !ok {
			continue
		}
		day, err := d.day(f.k, f.v, "2020-08-01")
		if err != nil {
			return err
		}
		if !d.c.InPeriod(day) {
			return d.errorf(f.v, "this slot's %q (%s) is outside the period (%s); move it, or change start or end", key, day, d.periodRange())
		}
		if key == "from" {
			s.From = day
		} else {
			s.To = day
		}
	}
	if !s.From.IsZero() && !s.To.IsZero() && s.To.Before(s.From) {
		return d.errorf(fs["to"].v, "this slot ends (%s) before it starts (%s); swap %q and %q", s.To, s.From, "from", "to")
	}
	return nil
}

const blackoutExample = `- {date: 2020-08-17, reason: Hari Kemerdekaan RI}`

func (d *decoder) blackouts(k, v *yaml.Node) error {
	items, err := d.items(k, v, blackoutExample)
	if err != nil {
		return err
	}
	for _, n := range items {
		b, err := d.blackout(n)
		if err == nil {
			err = d.overlap(n, b)
		}
		if err != nil {
			d.add(n, err)
			continue
		}
		d.c.Blackouts = append(d.c.Blackouts, b)
	}
	sort.SliceStable(d.c.Blackouts, func(i, j int) bool { return d.c.Blackouts[i].From.Before(d.c.Blackouts[j].From) })
	return nil
}

func (d *decoder) overlap(n *yaml.Node, b Blackout) error {
	for _, prev := range d.c.Blackouts {
		if !b.From.After(prev.To) && !prev.From.After(b.To) {
			return d.errorf(n, "blackout %s overlaps the one on line %d (%s); merge them into one entry", span(b), prev.Line, span(prev))
		}
	}
	return nil
}

func span(b Blackout) string {
	if b.From == b.To {
		return b.From.String()
	}
	return b.From.String() + " to " + b.To.String()
}

// blackout reads "- 2020-08-17" or a mapping with a date or a from/to
// range and a reason.
func (d *decoder) blackout(n *yaml.Node) (Blackout, error) {
	b := Blackout{Line: n.Line}
	if n.Kind == yaml.ScalarNode && !isNull(n) {
		day, err := d.day(&yaml.Node{Value: "blackout", Line: n.Line}, n, "2020-08-17")
		b.From, b.To = day, day
		return b, err
	}
	if n.Kind != yaml.MappingNode {
		return b, d.errorf(n, "each blackout is a date and a reason, like\n  %s", blackoutExample)
	}
	fs, err := d.fields(n, blackoutKeys)
	if err != nil {
		return b, err
	}
	if r, ok := fs["reason"]; ok && !isNull(r.v) {
		if b.Reason, err = d.scalar(r.k, r.v, "Hari Kemerdekaan RI"); err != nil {
			return b, err
		}
	}
	date, hasDate := fs["date"]
	from, hasFrom := fs["from"]
	to, hasTo := fs["to"]
	switch {
	case hasDate && (hasFrom || hasTo):
		return b, d.errorf(date.k, "a blackout has either a %q or a %q/%q range, not both", "date", "from", "to")
	case hasDate:
		day, err := d.day(date.k, date.v, "2020-08-17")
		b.From, b.To = day, day
		return b, err
	case hasFrom != hasTo:
		return b, d.errorf(n, "a blackout range needs both %q and %q", "from", "to")
	case !hasFrom:
		return b, d.errorf(n, "this blackout has no %q; add the day, like %q", "date", "date: 2020-08-17")
	}
	if b.From, err = d.day(from.k, from.v, "2020-08-16"); err != nil {
		return b, err
	}
	if b.To, err = d.day(to.k, to.v, "2020-08-18"); err != nil {
		return b, err
	}
	if b.To.Before(b.From) {
		return b, d.errorf(to.v, "this blackout ends (%s) before it starts (%s); swap %q and %q", b.To, b.From, "from", "to")
	}
	return b, nil
}
