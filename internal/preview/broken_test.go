package preview

import (
	"strings"
	"testing"
)

// A post whose front matter breaks while the preview runs keeps its place
// with its last good date and title: an error tile in the grid and in the
// calendar, and its slot stays taken, so the plan shows no missed slot and
// no gap that is not there.
func TestBrokenFrontMatterKeepsItsPlace(t *testing.T) {
	post := func(title, date string) string {
		return "---\ntitle: " + title + "\ndate: " + date + "\nstatus: published\n---\n\nIsi pos " + title + ".\n"
	}
	files := map[string]string{
		"pkpm.yaml":      "handle: \"@pkpm.btn3\"\ntimezone: Asia/Jakarta\n",
		"calendar.yaml":  "start: 2020-08-10\nend: 2020-08-20\nslots:\n  - {days: [senin, rabu, jumat], time: \"19:00\"}\nrules:\n  max_days_without_post: 2\n",
		"posts/a.md":     post("Pos Senin", "2020-08-10 19:00"),
		"posts/jarak.md": post("Jaga Jarak", "2020-08-12 19:00"),
		"posts/c.md":     post("Pos Jumat", "2020-08-14 19:00"),
		"posts/d.md":     post("Pos Senin Lagi", "2020-08-17 19:00"),
		"posts/e.md":     post("Pos Rabu", "2020-08-19 19:00"),
	}
	s, ts, root := builtServer(t, files)
	writeFile(t, root, "posts/jarak.md", "---\ntitle: Jaga Jarak\ndate: 2020-08-12 19:00\nstatus: published\ntitel: salah ketik\n---\n\nIsi.\n")
	s.rebuild([]string{"posts/jarak.md"})

	_, grid, _ := get(t, ts.URL+"/grid")
	if !strings.Contains(grid, `<span class="tile-error"><b>!</b>Jaga Jarak</span>`) {
		t.Errorf("the grid has no error tile for the broken post:\n%s", between(grid, `id="grid"`, "</section>"))
	}
	inOrder(t, grid, `title="Pos Jumat"`, `title="Jaga Jarak"`, `title="Pos Senin"`)

	_, cal, _ := get(t, ts.URL+"/calendar?month=2020-08")
	entry := between(cal, `is-broken" href="/post/jarak"`, "</a>")
	if !strings.Contains(entry, "Jaga Jarak") || !strings.Contains(entry, `class="cal-broken"`) {
		t.Errorf("the calendar has no error entry for the broken post in its slot: %q", entry)
	}
	for _, wrong := range []string{"slot-past", "long-gap", "posts/jarak.md</code>"} {
		if strings.Contains(cal, wrong) {
			t.Errorf("the calendar shows %q: the broken post's slot was given up", wrong)
		}
	}

	// The post page still says what is wrong.
	_, page, _ := get(t, ts.URL+"/post/jarak")
	if !strings.Contains(between(page, `id="error-panel"`, "</div>"), "posts/jarak.md:5: ") {
		t.Error("the post page does not show the front-matter error")
	}
}
