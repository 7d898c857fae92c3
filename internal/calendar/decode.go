package calendar

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"time"
	_ "time/tzdata" // Asia/Jakarta must resolve on machines without zoneinfo

	"gopkg.in/yaml.v3"

	"github.com/pkpm-btn3/pkpm/internal/diag"
	"github.com/pkpm-btn3/pkpm/internal/yamlfile"
)

var indonesianKey = map[string]string{
	"zona": "timezone", "zona_waktu": "timezone", "tz": "timezone",
	"mulai": "start", "awal": "start", "selesai": "end", "akhir": "end",
	"jadwal": "slots", "slot": "slots", "libur": "blackout", "blackouts": "blackout", "holidays": "blackout",
	"pilar": "pillars", "aturan": "rules",
	"hari": "days", "day": "days", "jam": "time", "waktu": "time", "pukul": "time", "tanggal": "date",
	"dari": "from", "sampai": "to", "hingga": "to", "alasan": "reason", "keterangan": "reason",
}

func keys(in string, list ...yamlfile.Key) *yamlfile.Keys {
	return &yamlfile.Keys{In: in, List: list, Hints: indonesianKey}
}

func key(name string, kind yamlfile.Kind) yamlfile.Key { return yamlfile.Key{Name: name, Kind: kind} }

var (
	topKeys = keys("", key("timezone", yamlfile.Text), key("start", yamlfile.Text), key("end", yamlfile.Text),
		key("slots", yamlfile.List), key("blackout", yamlfile.List), key("pillars", yamlfile.Section), key("rules", yamlfile.Section))
	slotKeys = keys("a slot", key("days", yamlfile.List), key("time", yamlfile.Text),
		key("date", yamlfile.Text), key("from", yamlfile.Text), key("to", yamlfile.Text))
	blackoutKeys = keys("a blackout", yamlfile.TextKeys("date", "from", "to", "reason")...)
	ruleKeys     = keys("rules", key("min_gap", yamlfile.Text), key("max_per_day", yamlfile.Number),
		key("max_days_without_post", yamlfile.Number), key("ready_lead", yamlfile.Text))
)

// errReported stops reading a part of the file whose problems are
// already recorded.
var errReported = errors.New("reported")

// Parse decodes calendar.yaml strictly. file is the path used in
// messages; tz is the timezone when the file names none (the project's).
// Every mistake of the file is reported at once, as a diag.List naming
// the file and each line.
func Parse(file string, src []byte, tz string) (*Calendar, error) {
	doc, err := yamlfile.Read(file, FileName, src)
	if err != nil {
		return nil, err
	}
	c := &Calendar{File: file, Timezone: tz, Rules: Rules{ReadyLead: DefaultReadyLead}, Lines: map[string]int{}}
	d := &decoder{file: file, c: c, doc: doc}
	var fields map[string]field
	if top := doc.Top; top != nil {
		if top.Kind != yaml.MappingNode {
			return nil, d.errorf(top, "%s must be \"key: value\" lines, like %q", FileName, "start: 2020-08-01")
		}
		fields, _ = d.fields(top, topKeys)
	}
	for _, step := range []struct {
		key string
		fn  func(k, v *yaml.Node) error
	}{
		{"timezone", d.timezone}, {"start", d.periodDay}, {"end", d.periodDay},
		{"slots", d.slots}, {"blackout", d.blackouts}, {"pillars", d.pillars}, {"rules", d.rules},
	} {
		if f, ok := fields[step.key]; ok {
			c.Lines[step.key] = f.k.Line
			d.add(f.k, step.fn(f.k, f.v))
		}
	}
	if c.Location == nil {
		d.add(nil, d.setZone(c.Timezone, nil))
	}
	if err := doc.Err(); err != nil {
		return nil, err
	}
	return c, nil
}

type decoder struct {
	file string
	c    *Calendar
	doc  *yamlfile.Doc
}

// field is a key and its value.
type field struct{ k, v *yaml.Node }

func (d *decoder) errorf(n *yaml.Node, format string, args ...any) error {
	return diag.Errorf(d.file, n.Line, format, args...)
}

// add records a problem; reading goes on with the next part.
func (d *decoder) add(n *yaml.Node, err error) {
	if err != nil && !errors.Is(err, errReported) {
		d.doc.Add(n, err)
	}
}

// fields reads a mapping whose keys must be among known. Unknown and
// repeated keys are recorded, with the key meant; the error then says
// so, and the mapping's reader stops rather than add "no time" to
// unknown key "jam".
func (d *decoder) fields(n *yaml.Node, known *yamlfile.Keys) (map[string]field, error) {
	before := d.doc.Count()
	out := map[string]field{}
	for _, f := range d.doc.Map(n, known) {
		out[f.Key] = field{f.K, f.V}
	}
	if d.doc.Count() > before {
		return out, errReported
	}
	return out, nil
}

func resolve(n *yaml.Node) *yaml.Node { return yamlfile.Resolve(n) }

func isNull(n *yaml.Node) bool { return yamlfile.IsNull(n) }

// scalar is the text of a scalar value, or an error naming the key.
func (d *decoder) scalar(k, v *yaml.Node, example string) (string, error) {
	if v.Kind != yaml.ScalarNode || isNull(v) {
		return "", d.errorf(k, "%q needs a value, like %q", k.Value, k.Value+": "+example)
	}
	return strings.TrimSpace(v.Value), nil
}

func (d *decoder) timezone(k, v *yaml.Node) error {
	if isNull(v) {
		return nil
	}
	name, err := d.scalar(k, v, "Asia/Jakarta")
	if err != nil {
		return err
	}
	return d.setZone(name, v)
}

// indonesianZones are what a misspelt timezone is compared with.
var indonesianZones = []string{"Asia/Jakarta", "Asia/Pontianak", "Asia/Makassar", "Asia/Jayapura", "UTC"}

func (d *decoder) setZone(name string, v *yaml.Node) error {
	line := 0
	if v != nil {
		line = v.Line
	}
	if name == "" {
		name = "Asia/Jakarta"
	}
	loc, err := time.LoadLocation(name)
	if err != nil || name == "Local" {
		msg := fmt.Sprintf("unknown timezone %q", name)
		if s := zoneSuggestion(name); s != "" {
			msg += fmt.Sprintf(" — did you mean %q?", s)
		} else {
			msg += "; use an IANA name such as \"Asia/Jakarta\" (WIB), \"Asia/Makassar\" (WITA) or \"Asia/Jayapura\" (WIT)"
		}
		return diag.Errorf(d.file, line, "%s", msg)
	}
	d.c.Timezone, d.c.Location = name, loc
	return nil
}

func zoneSuggestion(name string) string {
	switch strings.ToUpper(strings.TrimSpace(name)) {
	case "WIB", "JAKARTA", "INDONESIA", "GMT+7", "UTC+7":
		return "Asia/Jakarta"
	case "WITA", "MAKASSAR":
		return "Asia/Makassar"
	case "WIT", "JAYAPURA":
		return "Asia/Jayapura"
	}
	return suggestFold(name, indonesianZones)
}

// suggestFold is diag.Suggest ignoring case, returning the candidate as
// it is written.
func suggestFold(word string, candidates []string) string {
	return yamlfile.SuggestFold(word, candidates)
}

func (d *decoder) day(k, v *yaml.Node, example string) (Day, error) {
	s, err := d.scalar(k, v, example)
	if err != nil {
		return Day{}, err
	}
	day, reason := parseDay(s)
	if reason != "" {
		return Day{}, d.errorf(v, "%s %q is not a real date (%s); write it as YYYY-MM-DD, like %q", k.Value, s, reason, example)
	}
	return day, nil
}

func (d *decoder) periodDay(k, v *yaml.Node) error {
	if isNull(v) {
		return nil
	}
	example := "2020-08-01"
	if k.Value == "end" {
		example = "2020-09-30"
	}
	day, err := d.day(k, v, example)
	if err != nil {
		return err
	}
	if k.Value == "start" {
		d.c.Start = day
		return nil
	}
	if !d.c.Start.IsZero() && day.Before(d.c.Start) {
		return d.errorf(v, "the period ends (%s) before it starts (%s, line %d); swap them", day, d.c.Start, d.c.Lines["start"])
	}
	d.c.End = day
	return nil
}

// periodRange says where the period is set, for errors about it.
func (d *decoder) periodRange() string {
	var lines []string
	for _, k := range []string{"start", "end"} {
		if l := d.c.Lines[k]; l > 0 {
			lines = append(lines, fmt.Sprint(l))
		}
	}
	if len(lines) == 0 {
		return d.c.Period()
	}
	return fmt.Sprintf("%s, line %s", d.c.Period(), strings.Join(lines, " and "))
}

// items is a sequence's entries; one mapping alone counts as a list of one.
func (d *decoder) items(k, v *yaml.Node, example string) ([]*yaml.Node, error) {
	switch {
	case isNull(v):
		return nil, nil
	case v.Kind == yaml.MappingNode:
		return []*yaml.Node{v}, nil
	case v.Kind != yaml.SequenceNode:
		return nil, d.errorf(k, "%q must be a list, one %q line per entry, like\n  %s", k.Value, "- ", example)
	}
	out := make([]*yaml.Node, len(v.Content))
	for i, n := range v.Content {
		out[i] = resolve(n)
	}
	return out, nil
}

func (d *decoder) rules(k, v *yaml.Node) error {
	if isNull(v) {
		return nil
	}
	if v.Kind != yaml.MappingNode {
		return d.errorf(k, "%q must be \"key: value\" lines below it, like %q", "rules", "max_per_day: 1")
	}
	fs, err := d.fields(v, ruleKeys)
	r := &d.c.Rules
	for _, key := range ruleKeys.Names() {
		f, ok := fs[key]
		if !ok {
			continue
		}
		d.c.Lines["rules."+key] = f.k.Line
		switch key {
		case "min_gap":
			r.MinGap, err = d.duration(f.k, f.v, "12h")
		case "ready_lead":
			r.ReadyLead, err = d.duration(f.k, f.v, "24h")
		case "max_per_day":
			r.MaxPerDay, err = d.count(f.k, f.v, "1")
		case "max_days_without_post":
			r.MaxDaysWithout, err = d.count(f.k, f.v, "4")
		}
		d.add(f.k, err)
	}
	return nil
}

func (d *decoder) duration(k, v *yaml.Node, example string) (time.Duration, error) {
	s, err := d.scalar(k, v, example)
	if err != nil {
		return 0, err
	}
	dur, ok := parseDuration(s)
	if !ok {
		return 0, d.errorf(v, "%s %q is not a length of time; write it like %q, %q or %q", k.Value, s, "12h", "2d", "1d12h")
	}
	return dur, nil
}

func (d *decoder) count(k, v *yaml.Node, example string) (int, error) {
	s, err := d.scalar(k, v, example)
	if err != nil {
		return 0, err
	}
	var n int
	if _, err := fmt.Sscanf(s, "%d", &n); err != nil || fmt.Sprint(n) != s || n < 1 || n > 1000 {
		return 0, d.errorf(v, "%s %q is not a whole number of 1 or more; write it like %q", k.Value, s, k.Value+": "+example)
	}
	return n, nil
}

func (d *decoder) pillars(k, v *yaml.Node) error {
	if isNull(v) {
		return nil
	}
	if v.Kind != yaml.MappingNode {
		return d.errorf(k, "%q must be one \"name: share\" line per pillar below it, like %q", "pillars", "edukasi: 50%")
	}
	total, before := 0.0, d.doc.Count()
	seen := map[string]int{}
	for i := 0; i+1 < len(v.Content); i += 2 {
		pk, pv := v.Content[i], resolve(v.Content[i+1])
		name := strings.TrimSpace(pk.Value)
		if pk.Kind != yaml.ScalarNode || name == "" {
			d.add(pk, d.errorf(pk, "a pillar is named by one word, like %q", "edukasi"))
			continue
		}
		if first, dup := seen[strings.ToLower(name)]; dup {
			d.add(pk, d.errorf(pk, "pillar %q is listed twice (first on line %d); keep only one", name, first))
			continue
		}
		seen[strings.ToLower(name)] = pk.Line
		if isNull(pv) && pk.LineComment != "" {
			d.add(pk, d.errorf(pk, "%s: %q is read as a YAML comment; write %s: %s", name, pk.LineComment, name, yamlfile.Written(pk.LineComment, yamlfile.Text)))
			continue
		}
		s, err := d.scalar(pk, pv, "50%")
		if err != nil {
			d.add(pk, err)
			continue
		}
		p, ok := parsePercent(s)
		if !ok {
			d.add(pv, d.errorf(pv, "the share of pillar %q, %q, is not a percentage from 0 to 100; write it like %q", name, s, name+": 50%"))
			continue
		}
		d.c.Pillars = append(d.c.Pillars, Pillar{Name: name, Percent: p, Line: pk.Line})
		total += p
	}
	if len(d.c.Pillars) > 0 && d.doc.Count() == before && math.Abs(total-100) > 0.5 {
		return d.errorf(k, "the pillar shares add up to %s%%, not 100%%; adjust them so they do", trimFloat(total))
	}
	return nil
}

func trimFloat(f float64) string {
	return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.1f", f), "0"), ".")
}
