package content

import (
	"testing"
	"time"
)

func TestDateFormats(t *testing.T) {
	utc7 := func(y int, mo time.Month, d, h, mi, s, ns int) time.Time {
		return time.Date(y, mo, d, h, mi, s, ns, wib)
	}
	tests := []struct {
		value string
		want  time.Time
	}{
		{"2020-08-03 19:00", utc7(2020, 8, 3, 19, 0, 0, 0)},
		{"2020-08-03T19:00", utc7(2020, 8, 3, 19, 0, 0, 0)},
		{"2020-08-03 19:00:30", utc7(2020, 8, 3, 19, 0, 30, 0)},
		{"2020-08-03T19:00:30", utc7(2020, 8, 3, 19, 0, 30, 0)},
		{"2020-08-03", utc7(2020, 8, 3, 0, 0, 0, 0)},
		{`"2020-08-03 19:00"`, utc7(2020, 8, 3, 19, 0, 0, 0)},
		{"'2020-02-29'", utc7(2020, 2, 29, 0, 0, 0, 0)},
		// An offset names an instant; it is shown in the project timezone.
		{"2020-08-03T12:00:00Z", utc7(2020, 8, 3, 19, 0, 0, 0)},
		{"2020-08-03T19:00:00+07:00", utc7(2020, 8, 3, 19, 0, 0, 0)},
		{"2020-08-03T14:00:00+02:00", utc7(2020, 8, 3, 19, 0, 0, 0)},
		{"2020-08-03T19:00:00.5+07:00", utc7(2020, 8, 3, 19, 0, 0, 500000000)},
		{"2020-08-03T04:30:00-07:30", utc7(2020, 8, 3, 19, 0, 0, 0)},
		// The forms pkpm prints and people write.
		{"2020-08-03 19.00", utc7(2020, 8, 3, 19, 0, 0, 0)},
		{"2020-08-03 19:00 WIB", utc7(2020, 8, 3, 19, 0, 0, 0)},
		{"2020-08-03 20.00 WITA", utc7(2020, 8, 3, 19, 0, 0, 0)},
		{"2020-08-03 21.00 WIT", utc7(2020, 8, 3, 19, 0, 0, 0)},
		{"3 Agustus 2020 19.00", utc7(2020, 8, 3, 19, 0, 0, 0)},
		{"3 Agu 2020", utc7(2020, 8, 3, 0, 0, 0, 0)},
		{"Senin, 3 Agustus 2020, 19.00 WIB", utc7(2020, 8, 3, 19, 0, 0, 0)},
		{"2020-8-3", utc7(2020, 8, 3, 0, 0, 0, 0)},
	}
	for _, tt := range tests {
		a := mustParse(t, "posts/x.md", []byte("---\ntitle: T\n\ndate: "+tt.value+"\n---\n"))
		if !a.Meta.Date.Equal(tt.want) || a.Meta.Date.Location() != wib {
			t.Errorf("date: %s → %v, want %v in the project timezone", tt.value, a.Meta.Date, tt.want)
		}
		if a.Meta.DateLine != 4 {
			t.Errorf("date: %s → DateLine %d, want 4", tt.value, a.Meta.DateLine)
		}
	}
}

func TestDateNilLocationIsUTC(t *testing.T) {
	a, err := Parse("posts/x.md", []byte("---\ntitle: T\ndate: 2020-08-03 19:00\n---\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := time.Date(2020, 8, 3, 19, 0, 0, 0, time.UTC); !a.Meta.Date.Equal(want) {
		t.Errorf("date = %v, want %v", a.Meta.Date, want)
	}
}

func TestDateErrors(t *testing.T) {
	tests := []struct {
		value string
		parts []string
	}{
		{"2020-02-30 19:00", []string{`date "2020-02-30 19:00" is not a real date (February 2020 has 29 days); write it as YYYY-MM-DD HH:MM`}},
		{"2021-02-29", []string{"(February 2021 has 28 days)"}},
		{"2020-04-31", []string{"(April 2020 has 30 days)"}},
		{"2020-13-01", []string{"is not a real date (there is no month 13)"}},
		{"2020-00-10", []string{"(there is no month 0)"}},
		{"2020-08-00", []string{"(days start at 1)"}},
		{"2020-08-03 25:00", []string{"(hours go from 00 to 23)"}},
		{"2020-08-03 19:60", []string{"(minutes go from 00 to 59)"}},
		{"2020-08-03 19:00:61", []string{"(seconds go from 00 to 59)"}},
		{"2020-08-03T19:00:00+25:00", []string{"offsets"}},
		{"3 Agustuss 2020", []string{`date "3 Agustuss 2020" is not in a form pkpm reads — did you mean "2020-08-03"?`, "YYYY-MM-DD HH:MM", `"5 Agustus 2020 19.00"`}},
		{"2020/08/03 19.00", []string{`did you mean "2020-08-03 19:00"?`}},
		{"besok", []string{"is not in a form"}},
		{"2020-08-03 7pm", []string{"is not in a form"}},
		{"2020-08-03Z", []string{"is not in a form"}},
		{"03-08-2020", []string{"is not in a form"}},
		{"2020-08-03T19:00:00.", []string{"is not in a form"}},
		{"1596456000", []string{"is not in a form"}},
	}
	for _, tt := range tests {
		t.Run(tt.value, func(t *testing.T) {
			d := parseError(t, "posts/x.md", []byte("---\ntitle: T\n\n\ndate: "+tt.value+"\n---\n"))
			checkError(t, d, 5, tt.parts...)
		})
	}
}
