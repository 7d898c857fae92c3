package cli

import (
	"strings"
	"testing"
	"time"

	"github.com/pkpm-btn3/pkpm/internal/calendar"
	"github.com/pkpm-btn3/pkpm/internal/config"
	"github.com/pkpm-btn3/pkpm/internal/content"
)

// The files init writes decode with the project's own strict decoders,
// and the example post's date falls in the calendar's period and slots.
func TestInitFilesDecode(t *testing.T) {
	loc, _ := time.LoadLocation("Asia/Jakarta")
	now := time.Date(2020, 8, 6, 21, 30, 0, 0, loc) // a Thursday
	files, err := projectFiles("/tmp/Kelompok 7-KKN", true, now)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, f := range files {
		got[f.name] = string(f.data)
	}
	p, err := config.Parse("pkpm.yaml", []byte(got["pkpm.yaml"]))
	if err != nil {
		t.Fatalf("pkpm.yaml: %v", err)
	}
	if p.Handle != "@kelompok.7.kkn" || p.Name != "Kelompok 7 KKN" || p.Defaults.Template != "edukasi" {
		t.Errorf("pkpm.yaml = %+v", p)
	}
	for _, key := range []string{"brand:", "# logo:", "# primary:", "# accent:", "defaults:", "closing:", "instagram:"} {
		if !strings.Contains(got["pkpm.yaml"], key) {
			t.Errorf("pkpm.yaml does not document %q", key)
		}
	}
	cal, err := calendar.Parse("calendar.yaml", []byte(got["calendar.yaml"]), p.Timezone)
	if err != nil {
		t.Fatalf("calendar.yaml: %v", err)
	}
	_ = cal
	a, err := content.Parse("posts/selamat-datang.md", []byte(got["posts/selamat-datang.md"]), loc)
	if err != nil {
		t.Fatalf("example post: %v", err)
	}
	if want := time.Date(2020, 8, 10, 19, 0, 0, 0, loc); !a.Meta.Date.Equal(want) {
		t.Errorf("example post date %v, want the next slot two days on, %v", a.Meta.Date, want)
	}
	if got[".gitignore"] != "dist/\n" {
		t.Errorf(".gitignore = %q", got[".gitignore"])
	}
	if _, ok := got["templates/archetypes/kegiatan.md"]; !ok {
		t.Error("--templates did not copy the archetypes")
	}
}

// A folder named after the account, or with YAML's special characters,
// still gives a project that loads.
func TestInitFolderNamesMakeValidYAML(t *testing.T) {
	loc, _ := time.LoadLocation("Asia/Jakarta")
	now := time.Date(2020, 8, 6, 21, 30, 0, 0, loc)
	for dir, want := range map[string]string{
		"/tmp/@pkpm.btn3":        "Pkpm Btn3",
		"/tmp/PKPM: BTN 3 #2020": "PKPM BTN 3 2020",
		"/tmp/2020":              "2020",
		"/tmp/true":              "True",
		"/tmp/[tim] & 'kkn'":     "Tim Kkn",
	} {
		files, err := projectFiles(dir, false, now)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			switch f.name {
			case "pkpm.yaml":
				p, err := config.Parse("pkpm.yaml", f.data)
				if err != nil || p.Name != want {
					t.Errorf("%s: pkpm.yaml name %q, %v; want %q", dir, p.Name, err, want)
				}
			case "posts/selamat-datang.md":
				if a, err := content.Parse(f.name, f.data, loc); err != nil || a.Meta.Title != "Selamat Datang di "+want {
					t.Errorf("%s: example post: %v", dir, err)
				}
			}
		}
	}
}

func TestParseWhen(t *testing.T) {
	loc, _ := time.LoadLocation("Asia/Jakarta")
	now := time.Date(2020, 8, 31, 23, 0, 0, 0, loc)
	for in, want := range map[string]string{
		"2020-09-02 19:00":  "2020-09-02 19:00",
		"2020-09-02":        "2020-09-02",
		"besok":             "2020-09-01",
		"Besok 07:30":       "2020-09-01 07:30",
		"hari ini 20:00":    "2020-08-31 20:00",
		"tomorrow":          "2020-09-01",
		"lusa":              "2020-09-02",
		"rabu 19.00":        "2020-09-02 19:00",
		"2 Sep 2020 19.00":  "2020-09-02 19:00",
		"2020-09-02 20 WIT": "",
	} {
		w, err := parseWhen("`--date`", in, now)
		got := w.Time.Format("2006-01-02")
		if w.HasTime {
			got = w.Time.Format("2006-01-02 15:04")
		}
		if want == "" {
			if err == nil {
				t.Errorf("parseWhen(%q) accepted", in)
			}
			continue
		}
		if err != nil || got != want {
			t.Errorf("parseWhen(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"kapan-kapan", "besok pagi", "2020-13-01"} {
		if _, err := parseWhen("`--date`", bad, now); err == nil || exitCode(err) != ExitUsage || !strings.HasPrefix(err.Error(), "`--date` ") {
			t.Errorf("parseWhen(%q) = %v", bad, err)
		}
	}
}

// Only the keys' own lines change; comments and the body stay.
func TestSetFrontMatter(t *testing.T) {
	src := "---\ntitle: Judul\n# date: 2020-01-01\nsources:\n  - a\n  - b\nstatus: ready # siap\n---\n\nIsi.\n"
	got := string(setFrontMatter([]byte(src), []field{{"title", "Baru"}, {"status", "draft"}, {"date", "2020-08-03"}, {"sources", "[]"}, {"pillar", "umkm"}}))
	want := "---\ntitle: Baru\npillar: umkm\ndate: 2020-08-03\nsources: []\nstatus: draft\n---\n\nIsi.\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if got := string(setFrontMatter([]byte("Isi saja.\n"), []field{{"title", "X"}})); got != "---\ntitle: X\n---\n\nIsi saja.\n" {
		t.Errorf("no front matter: %q", got)
	}
}
