package content

import (
	"time"

	"gopkg.in/yaml.v3"

	"github.com/pkpm-btn3/pkpm/internal/diag"
	"github.com/pkpm-btn3/pkpm/internal/tanggal"
)

// parseDate reads a date the way pkpm prints them and people write them
// (see tanggal.Parse). Without a zone the date is in loc; with one, it is
// that instant shown in loc.
func parseDate(s string, loc *time.Location) (time.Time, error) {
	w, err := tanggal.Parse(s, loc)
	return w.Time, err
}

func (d *metaDecoder) date(k, v *yaml.Node) error {
	d.meta.DateLine = d.line(k)
	if isNull(v) {
		return nil
	}
	if v.Kind != yaml.ScalarNode {
		return d.errorf(k, "%q must be a date, like %q", "date", "date: 2020-08-03 19:00")
	}
	// The text as written, not YAML's reading of it: yaml.v3 takes
	// "2020-08-03" for midnight UTC rather than in the project timezone.
	t, err := parseDate(v.Value, d.loc)
	if err != nil {
		return diag.Errorf(d.file, d.line(v), "%s", err.Error())
	}
	d.meta.Date = t
	return nil
}
