package calendar

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// example is a plan for August 2020 that shows every kind of day: posts
// of each status, one overdue, two in one slot, one at a time no slot
// has, a blackout day, days before the period, free and past slots.
func example(t *testing.T) (*Calendar, []Post) {
	c := parseYAMLCal(t, `start: 2020-08-03
end: 2020-09-30
slots:
  - {days: [senin, rabu, jumat], time: "19:00"}
blackout:
  - {date: 2020-08-17, reason: Hari Kemerdekaan RI}
  - {date: 2020-08-20, reason: Tahun Baru Islam 1442 H}
`)
	withSlides := func(p Post, n int) Post { p.Slides = n; return p }
	long := post("gejala", "2020-08-28 19:00", "ready", "edukasi")
	long.Title = "Kenali Gejala COVID-19 dan Tahu Kapan Harus Isolasi Mandiri"
	emoji := post("keluarga", "2020-08-14 19:00", "draft", "edukasi")
	emoji.Title = "Keluarga Sehat 👨‍👩‍👧‍👦 🇮🇩"
	return c, []Post{
		withSlides(post("protokol", "2020-08-03 19:00", "published", "edukasi"), 9),
		post("masker", "2020-08-05 19:00", "ready", "edukasi"),
		post("laporan", "2020-08-07 19:00", "published", "kegiatan"),
		post("cuci-tangan", "2020-08-12 19:00", "ready", "edukasi"),
		post("umkm", "2020-08-12 19:00", "draft", "umkm"),
		post("bimbel", "2020-08-15 10:00", "ready", "kegiatan"),
		emoji,
		long,
		post("september", "2020-09-07 19:00", "ready", "kegiatan"),
		post("ide-baru", "", "draft", "umkm"),
		post("vaksin", "", "draft", "edukasi"),
	}
}

// The month fits the columns it is given: 120 (cells of 15), 80 (cells
// shrink, titles wrap on more lines, labels shorten) and 50, too narrow
// for seven cells, where it becomes the agenda list.
func TestGridGolden(t *testing.T) {
	c, posts := example(t)
	v := Month(c, posts, 2020, 8, wibTime("2020-08-10 09:00"))
	for _, tt := range []struct {
		cols int
		file string
	}{{120, "grid-2020-08.txt"}, {80, "grid-2020-08-80.txt"}, {50, "grid-2020-08-50.txt"}} {
		var buf bytes.Buffer
		if err := WriteGrid(&buf, v, nil, tt.cols); err != nil {
			t.Fatal(err)
		}
		golden(t, tt.file, buf.Bytes())
		grid := false
		for i, line := range strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n") {
			n := utf8.RuneCountInString(line)
			if n > tt.cols {
				t.Errorf("%d columns: line %d is %d wide: %q", tt.cols, i+1, n, line)
			}
			if strings.HasPrefix(line, "│") || strings.HasPrefix(line, "├") {
				grid = true
				if want := 7*(cellFor(tt.cols)+2) + 1; n != want {
					t.Errorf("%d columns: line %d is %d columns wide, want %d: %q", tt.cols, i+1, n, want, line)
				}
			}
		}
		if want := cellFor(tt.cols) >= minCell; grid != want {
			t.Errorf("%d columns: drawn as a grid: %v, want %v", tt.cols, grid, want)
		}
		for _, title := range []string{"Kenali", "masker", "Kemerdek"} {
			if !strings.Contains(buf.String(), title) {
				t.Errorf("%d columns: %q is not shown", tt.cols, title)
			}
		}
	}
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/calendar -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (go test ./internal/calendar -update rewrites it); got:\n%s", path, got)
	}
}

func TestGridStyles(t *testing.T) {
	c, posts := example(t)
	v := Month(c, posts, 2020, 8, wibTime("2020-08-10 09:00"))
	seen := map[Style][]string{}
	paint := func(s Style, text string) string {
		seen[s] = append(seen[s], text)
		return text
	}
	var plain, painted bytes.Buffer
	if err := WriteGrid(&plain, v, nil, 120); err != nil {
		t.Fatal(err)
	}
	if err := WriteGrid(&painted, v, paint, 120); err != nil {
		t.Fatal(err)
	}
	if plain.String() != painted.String() {
		t.Error("painting changed the text")
	}
	for style, want := range map[Style]string{
		StyleToday: "10", StyleBlackout: "Kemerdekaan RI", StylePublished: "published", StyleReady: "ready",
		StyleDraft: "draft", StyleOverdue: "overdue", StyleFree: "free", StylePast: "empty", StyleOutside: "1", StyleHeading: "Agustus 2020",
	} {
		if !strings.Contains(strings.Join(seen[style], "|"), want) {
			t.Errorf("style %d painted %q, want %q among them", style, seen[style], want)
		}
	}
}

func TestMonth(t *testing.T) {
	c, posts := example(t)
	v := Month(c, posts, 2020, 8, wibTime("2020-08-10 09:00"))
	if len(v.Days) != 31 || v.Title != "Agustus 2020" || v.Days[0].Weekday != "Sabtu" {
		t.Fatalf("days %d, title %q, first %q", len(v.Days), v.Title, v.Days[0].Weekday)
	}
	day := func(n int) DayView { return v.Days[n-1] }
	if d := day(1); d.InPeriod || len(d.Slots) != 0 {
		t.Errorf("1 August is before the period: %+v", d)
	}
	if d := day(3); len(d.Slots) != 1 || d.Slots[0].State != StateTaken || d.Slots[0].Posts[0].Slides == nil || *d.Slots[0].Posts[0].Slides != 9 {
		t.Errorf("3 August: %+v", d)
	}
	if d := day(10); !d.Today || d.Slots[0].State != StateFree {
		t.Errorf("10 August: %+v", d)
	}
	if d := day(12); len(d.Slots) != 1 || len(d.Slots[0].Posts) != 2 {
		t.Errorf("12 August should hold two posts in one slot: %+v", d)
	}
	if d := day(15); len(d.Slots) != 1 || d.Slots[0].Slot || d.Slots[0].Time != "10:00" {
		t.Errorf("15 August has a post at no slot: %+v", d)
	}
	if d := day(17); d.Blackout == nil || d.Blackout.Reason != "Hari Kemerdekaan RI" || len(d.Slots) != 0 {
		t.Errorf("17 August: %+v", d)
	}
	if d := day(5); !d.Slots[0].Posts[0].Overdue {
		t.Errorf("5 August is overdue: %+v", d)
	}
	if len(v.Unscheduled) != 2 || v.Unscheduled[0].File != "posts/ide-baru.md" || v.Unscheduled[0].Slides != nil {
		t.Errorf("unscheduled: %+v", v.Unscheduled)
	}
	js, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"title":"Agustus 2020"`, `"date":"2020-08-03"`, `"at":"2020-08-03T19:00:00+07:00"`,
		`"when":"Senin, 3 Agustus 2020, 19.00 WIB"`, `"state":"free"`, `"slides":null`, `"blackout":{"reason":"Hari Kemerdekaan RI","line":6}`} {
		if !bytes.Contains(js, []byte(want)) {
			t.Errorf("JSON lacks %s", want)
		}
	}
}

func TestWrap(t *testing.T) {
	for _, tc := range []struct {
		in   string
		w, n int
		want string
	}{
		{"Cara Memakai Masker yang Benar", 14, 2, "Cara Memakai|Masker yang…"},
		{"Protokol Kesehatan 3M", 14, 2, "Protokol|Kesehatan 3M"},
		{"Keluarga Sehat 👨‍👩‍👧‍👦 🇮🇩", 14, 2, "Keluarga Sehat"},
		// A word wider than the line breaks after a hyphen, else is abbreviated.
		{"Antidisestablishmentarianism", 14, 2, "Antidisestabl…"},
		{"Judul cuci-tangan", 9, 3, "Judul|cuci-|tangan"},
		{"Hari Kemerdekaan RI", 9, 3, "Hari|Kemerdek…|RI"},
		{"Pendek", 14, 2, "Pendek"},
		{"Hari Kemerdekaan RI", 15, 2, "Hari|Kemerdekaan RI"},
		{"", 14, 2, ""},
	} {
		if got := strings.Join(wrap(tc.in, tc.w, tc.n), "|"); got != tc.want {
			t.Errorf("wrap(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
