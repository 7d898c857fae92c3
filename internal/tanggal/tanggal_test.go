package tanggal

import (
	"testing"
	"time"
	_ "time/tzdata" // the zones below on any machine
)

func load(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func TestDateTime(t *testing.T) {
	wib := load(t, "Asia/Jakarta")
	for _, tc := range []struct {
		in   time.Time
		want string
	}{
		{time.Date(2020, 8, 3, 19, 0, 0, 0, wib), "Senin, 3 Agustus 2020, 19.00 WIB"},
		{time.Date(2020, 8, 17, 7, 5, 0, 0, wib), "Senin, 17 Agustus 2020, 07.05 WIB"},
		{time.Date(2020, 2, 29, 0, 0, 0, 0, wib), "Sabtu, 29 Februari 2020, 00.00 WIB"},
		{time.Date(2020, 8, 9, 23, 59, 0, 0, wib), "Minggu, 9 Agustus 2020, 23.59 WIB"},
		{time.Date(2021, 1, 1, 8, 30, 0, 0, load(t, "Asia/Makassar")), "Jumat, 1 Januari 2021, 08.30 WITA"},
		{time.Date(2020, 12, 31, 21, 0, 0, 0, load(t, "Asia/Jayapura")), "Kamis, 31 Desember 2020, 21.00 WIT"},
		// The same instant, seen from Jakarta: Indonesian zones move the day.
		{time.Date(2020, 12, 31, 21, 0, 0, 0, load(t, "Asia/Jayapura")).In(wib), "Kamis, 31 Desember 2020, 19.00 WIB"},
		{time.Date(2020, 7, 1, 12, 0, 0, 0, load(t, "Europe/Amsterdam")), "Rabu, 1 Juli 2020, 12.00 CEST"},
		{time.Date(2020, 5, 6, 12, 0, 0, 0, time.UTC), "Rabu, 6 Mei 2020, 12.00 UTC"},
		{time.Date(2020, 5, 6, 12, 0, 0, 0, load(t, "Asia/Bangkok")), "Rabu, 6 Mei 2020, 12.00 UTC+7"},
		{time.Date(2020, 5, 6, 12, 0, 0, 0, load(t, "Asia/Kolkata")), "Rabu, 6 Mei 2020, 12.00 IST"},
		{time.Date(2020, 5, 6, 12, 0, 0, 0, time.FixedZone("", 5*3600+45*60)), "Rabu, 6 Mei 2020, 12.00 UTC+5.45"},
		{time.Date(2020, 5, 6, 12, 0, 0, 0, time.FixedZone("", -(3*3600+30*60))), "Rabu, 6 Mei 2020, 12.00 UTC-3.30"},
	} {
		if got := DateTime(tc.in); got != tc.want {
			t.Errorf("DateTime(%v) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestNames(t *testing.T) {
	wantDays := []string{"Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"}
	for d := time.Sunday; d <= time.Saturday; d++ {
		if got := Weekday(d); got != wantDays[d] {
			t.Errorf("Weekday(%v) = %q, want %q", d, got, wantDays[d])
		}
		if got := ShortWeekday(d); got != wantDays[d][:3] {
			t.Errorf("ShortWeekday(%v) = %q", d, got)
		}
	}
	wantMonths := []string{"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"}
	for m := time.January; m <= time.December; m++ {
		if got := Month(m); got != wantMonths[m-1] {
			t.Errorf("Month(%v) = %q, want %q", m, got, wantMonths[m-1])
		}
	}
	if got := ShortMonth(time.August); got != "Agu" {
		t.Errorf("ShortMonth(August) = %q, want Agu", got)
	}
	if got := ShortMonth(time.May); got != "Mei" {
		t.Errorf("ShortMonth(May) = %q, want Mei", got)
	}
}

func TestShortForms(t *testing.T) {
	at := time.Date(2020, 8, 3, 19, 0, 0, 0, load(t, "Asia/Jakarta"))
	for got, want := range map[string]string{
		Date(at):      "Senin, 3 Agustus 2020",
		Clock(at):     "19.00",
		MonthYear(at): "Agustus 2020",
		Short(at):     "Sen, 3 Agu 2020 19.00",
		Zone(at):      "WIB",
	} {
		if got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	}
}
