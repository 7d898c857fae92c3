package content

import "time"

// ParseDate reads a date the way front matter does: "2020-08-03",
// "2020-08-03 19.00 WIB", "5 Agustus 2020 19.00", "2020-08-03T19:00:00+07:00"
// (see tanggal.Parse). Without a zone the date is in loc (UTC when nil).
// An impossible date ("2020-02-30", "25:00") is an error that says why
// and how to write it.
func ParseDate(s string, loc *time.Location) (time.Time, error) {
	return parseDate(s, loc)
}
