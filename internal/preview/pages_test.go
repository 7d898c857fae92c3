package preview

import (
	"bytes"
	"image"
	_ "image/jpeg"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pkpm-btn3/pkpm/assets"
)

func TestPostsPageListsEveryPostInPlannedOrder(t *testing.T) {
	files := testProject()
	files["posts/rusak.md"] = "---\ntitel: Salah Ketik\n---\n\nIsi.\n"
	_, ts, _ := builtServer(t, files)
	code, body, h := get(t, ts.URL+"/")
	if code != http.StatusOK || !strings.HasPrefix(h.Get("Content-Type"), "text/html") {
		t.Fatalf("GET / = %d %s", code, h.Get("Content-Type"))
	}
	// Planned order: by date, the post without a date (it does not parse) last.
	inOrder(t, body, "Cara Memakai Masker", "Tulisan Setengah Jadi", "Jaga Jarak", "posts/rusak.md")
	for _, want := range []string{
		`href="/post/masker"`, `badge-published`, `badge-draft">draf<`, `badge-scheduled">terjadwal<`,
		"2020 19.00", "edukasi", "5 slide<", "1 gagal dibuat", `class="count count-error"`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("posts page lacks %q", want)
		}
	}
	if !strings.Contains(body, `class="row is-draft"`) {
		t.Error("the draft's row is not marked")
	}
}

func TestPostPageIsAFeedItem(t *testing.T) {
	_, ts := sharedServer(t)
	code, body, _ := get(t, ts.URL+"/post/masker")
	if code != http.StatusOK {
		t.Fatalf("GET /post/masker = %d", code)
	}
	for i := 1; i <= 5; i++ {
		if !strings.Contains(body, "/slides/masker/0"+string(rune('0'+i))+".jpg?v=") {
			t.Errorf("slide %d is not on the page", i)
		}
	}
	if strings.Contains(body, "/slides/masker/06.jpg") {
		t.Error("a sixth slide is shown; the post has five")
	}
	for _, want := range []string{
		`class="handle">pkpm.btn3<`, `id="next"`, `id="prev"`, `class="dot is-active"`, `1/5`,
		`<button class="more" id="more" type="button">… selengkapnya</button>`, `<html lang="id">`,
		`data-copy-from="alt-text"`, `data-copy-from="caption"`, `aria-label="Ke slide 3"`,
		`<span class="tag">#pakaimasker</span>`, `id="toggle-crop"`, `id="toggle-safe"`,
		`alt="Sampul: Cara Memakai Masker`, "7 Agustus 2020", `carousel shape-portrait`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("post page lacks %q", want)
		}
	}
	// The folded caption stops near 125 characters; the full one follows.
	short := between(body, `<span class="caption-text caption-short">`, `</span><button`)
	if n := len([]rune(short)); n < 80 || n > 125 {
		t.Errorf("folded caption is %d characters: %q", n, short)
	}
	if !strings.Contains(between(body, `caption-full">`, `</span>
    </div>`), "setiap hari.") {
		t.Error("the full caption is not on the page")
	}
}

func TestPostPageLinksFindingsToSlides(t *testing.T) {
	files := testProject()
	// A link in the body is a check warning on its line, on slide 3.
	files["posts/masker.md"] = strings.Replace(files["posts/masker.md"], "Cuci tangan dulu.", "Cuci tangan dulu, lihat [panduan](https://example.com/panduan).", 1)
	_, ts, _ := builtServer(t, files)
	_, body, _ := get(t, ts.URL+"/post/masker")
	if !strings.Contains(body, "body-link") {
		t.Fatalf("no body-link finding on the page")
	}
	finding := between(body, "body-link", "</li>")
	if !strings.Contains(finding, `data-slide="3"`) {
		t.Errorf("the link finding is not linked to slide 3: %s", finding)
	}
	if !strings.Contains(body, "posts/masker.md:14") {
		t.Error("the finding does not name its file and line")
	}
}

func TestBrokenPostShowsErrorPanel(t *testing.T) {
	files := testProject()
	files["posts/masker.md"] = "---\ntitle: Cara Memakai Masker\nstatus: terbit\n---\n\nIsi.\n"
	_, ts, _ := builtServer(t, files)
	code, body, _ := get(t, ts.URL+"/post/masker")
	if code != http.StatusOK {
		t.Fatalf("GET = %d", code)
	}
	panel := between(body, `id="error-panel"`, "</div>")
	if !strings.Contains(panel, "posts/masker.md:3: ") {
		t.Errorf("error panel lacks file:line: %s", panel)
	}
	if strings.Contains(body, `id="carousel"`) {
		t.Error("a broken post still shows a carousel")
	}
}

func TestGridIsNewestFirstWithScheduledMarked(t *testing.T) {
	_, ts := sharedServer(t)
	_, body, _ := get(t, ts.URL+"/grid")
	grid := between(body, `id="grid"`, "</section>")
	inOrder(t, grid, `href="/post/jarak"`, `href="/post/draf"`, `href="/post/masker"`)
	if tile := between(grid, `class="tile is-scheduled"`, "</a>"); !strings.Contains(tile, "/post/jarak") {
		t.Errorf("the future post is not marked scheduled: %q", tile)
	}
	if !strings.Contains(grid, `is-draft" href="/post/draf"`) {
		t.Error("the draft is not marked on the grid")
	}
	if !strings.Contains(body, "<b>3</b> postingan") {
		t.Error("profile count is wrong")
	}
}

// planYAML is a posting plan for testProject: Monday, Wednesday and
// Friday at 19:00 through August and September 2020, Independence Day off.
const planYAML = "start: 2020-08-01\nend: 2020-09-30\nslots:\n  - days: [senin, rabu, jumat]\n    time: \"19:00\"\nblackout:\n  - date: 2020-08-17\n    reason: Hari Kemerdekaan RI\n"

func TestCalendarPageShowsTheMonth(t *testing.T) {
	files := testProject()
	files["calendar.yaml"] = planYAML
	_, ts, _ := builtServer(t, files)
	code, body, _ := get(t, ts.URL+"/calendar")
	if code != http.StatusOK {
		t.Fatalf("GET /calendar = %d", code)
	}
	grid := between(body, `id="cal-grid"`, `class="cal-legend`)
	for _, want := range []string{
		`id="cal-month">Agustus 2020<`, `href="/calendar?month=2020-09"`, `href="/calendar?month=2020-07"`,
		"Hari Kemerdekaan RI", `class="cal-day is-today`, `status-published" href="/post/masker"`, `status-draft is-overdue" href="/post/draf"`,
		`slot-free`, `slot-past`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("calendar page lacks %q", want)
		}
	}
	// 1 August 2020 is a Saturday: five blanks before it, Monday first.
	if n := strings.Count(between(grid, "", `<span class="cal-num">1<`), "is-blank"); n != 5 {
		t.Errorf("%d blank days before the 1st, want 5", n)
	}
	inOrder(t, grid, `<span class="cal-num">7<`, "19:00", "/post/masker", `<span class="cal-num">15<`, "/post/draf")
	// The draft on a Saturday is off the plan's slots: the check says so.
	if !strings.Contains(between(body, "Pemeriksaan rencana", "</section>"), "posts/draf.md") {
		t.Error("the plan check does not mention the off-slot draft")
	}
	_, sept, _ := get(t, ts.URL+"/calendar?month=2020-09")
	if !strings.Contains(sept, "September 2020") || !strings.Contains(sept, `href="/post/jarak"`) {
		t.Error("September does not show the post planned in it")
	}
}

func TestCalendarChangesWithoutRebuildingPosts(t *testing.T) {
	files := testProject()
	files["calendar.yaml"] = planYAML
	root := writeProject(t, files)
	var b builds
	s := newServer(t, root, b.add)
	s.buildAll()
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	version := s.site.Load().version
	writeFile(t, root, "calendar.yaml", planYAML+"  - date: 2020-08-21\n    reason: Kerja bakti\n")
	s.rebuild([]string{"calendar.yaml"})
	if r := b.last(t); len(r.Posts) != 0 || s.site.Load().version == version {
		t.Errorf("calendar change: rebuilt %v, version %d → %d", r.Posts, version, s.site.Load().version)
	}
	if _, body, _ := get(t, ts.URL+"/calendar"); !strings.Contains(body, "Kerja bakti") {
		t.Error("the new blackout day is not shown")
	}
	writeFile(t, root, "calendar.yaml", "slots:\n  - days: [senin]\n    time: \"25:00\"\n")
	s.rebuild([]string{"calendar.yaml"})
	_, body, _ := get(t, ts.URL+"/calendar")
	if !strings.Contains(body, "calendar.yaml:3") || !strings.Contains(body, "Kerja bakti") {
		t.Error("a broken calendar.yaml should show its file:line and keep the last plan")
	}
}

func TestUnknownPostIs404Page(t *testing.T) {
	_, ts := sharedServer(t)
	code, body, _ := get(t, ts.URL+"/post/tidak-ada")
	if code != http.StatusNotFound || !strings.Contains(body, "tidak-ada") {
		t.Errorf("GET unknown post = %d", code)
	}
}

func TestSlidesComeFromMemoryAndRevalidate(t *testing.T) {
	_, ts := sharedServer(t)
	root := shared.root
	res, err := http.Get(ts.URL + "/slides/masker/01.jpg")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	buf.ReadFrom(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || res.Header.Get("Content-Type") != "image/jpeg" {
		t.Fatalf("slide: %d %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
	cfg, _, err := image.DecodeConfig(&buf)
	if err != nil || cfg.Width != 1080 || cfg.Height != 1350 {
		t.Fatalf("slide is %dx%d (%v)", cfg.Width, cfg.Height, err)
	}
	req, _ := http.NewRequest("GET", ts.URL+"/slides/masker/01.jpg", nil)
	req.Header.Set("If-None-Match", res.Header.Get("ETag"))
	res2, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res2.Body.Close()
	if res2.StatusCode != http.StatusNotModified {
		t.Errorf("revalidation = %d, want 304", res2.StatusCode)
	}
	for _, p := range []string{"/slides/masker/09.jpg", "/slides/masker/slides.json", "/slides/tidak-ada/01.jpg"} {
		if code, _, _ := get(t, ts.URL+p); code != http.StatusNotFound {
			t.Errorf("GET %s = %d, want 404", p, code)
		}
	}
	if _, err := os.Stat(filepath.Join(root, "dist")); !os.IsNotExist(err) {
		t.Errorf("the preview wrote dist/: %v", err)
	}
}

func TestStaticAssetsAndHeaders(t *testing.T) {
	_, ts := sharedServer(t)
	for path, ctype := range map[string]string{"/static/app.css": "text/css", "/static/app.js": "text/javascript", "/static/inter-bold.otf": "font/otf"} {
		code, _, h := get(t, ts.URL+path)
		if code != 200 || !strings.HasPrefix(h.Get("Content-Type"), ctype) {
			t.Errorf("GET %s = %d %s", path, code, h.Get("Content-Type"))
		}
	}
	_, _, h := get(t, ts.URL+"/")
	if csp := h.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") || !strings.Contains(csp, "default-src 'none'") {
		t.Errorf("CSP = %q", csp)
	}
	if h.Get("X-Content-Type-Options") != "nosniff" {
		t.Error("no nosniff")
	}
}

// between returns the text of s after the first from, up to the next to.
func between(s, from, to string) string {
	i := strings.Index(s, from)
	if i < 0 {
		return ""
	}
	s = s[i+len(from):]
	if j := strings.Index(s, to); j >= 0 {
		return s[:j]
	}
	return s
}

// The bundled emoji font is served for the pages' own text, cached, and
// the stylesheet uses it only for emoji.
func TestEmojiFontIsServed(t *testing.T) {
	_, ts := sharedServer(t)
	res, err := http.Get(ts.URL + "/static/noto-color-emoji.ttf")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	want := []byte(assets.NotoColorEmoji)
	if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "font/ttf" || !bytes.Equal(body, want) {
		t.Fatalf("GET the emoji font = %d %s, %d bytes; want the %d bytes of NotoColorEmoji.ttf", res.StatusCode, res.Header.Get("Content-Type"), len(body), len(want))
	}
	if !bytes.HasPrefix(body, []byte{0, 1, 0, 0}) {
		t.Error("the emoji font is not a TrueType font")
	}
	if cc := res.Header.Get("Cache-Control"); !strings.Contains(cc, "max-age=") {
		t.Errorf("Cache-Control = %q, want a max-age", cc)
	}
	req, _ := http.NewRequest("GET", ts.URL+"/static/noto-color-emoji.ttf", nil)
	req.Header.Set("If-None-Match", res.Header.Get("ETag"))
	res2, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res2.Body.Close()
	if res2.StatusCode != http.StatusNotModified {
		t.Errorf("revalidating the font = %d, want 304", res2.StatusCode)
	}
	_, css, _ := get(t, ts.URL+"/static/app.css")
	face := between(css, `font-family: "pkpm emoji"`, "}")
	for _, w := range []string{`url("/static/noto-color-emoji.ttf")`, "unicode-range:", "U+1F000-1FAFF"} {
		if !strings.Contains(face, w) {
			t.Errorf("the emoji @font-face lacks %q: %s", w, face)
		}
	}
	if font := between(css, "body {", "}"); !strings.Contains(font, `Inter, "pkpm emoji"`) {
		t.Errorf("the page's text does not fall back to the emoji font: %s", font)
	}
}

// language: en makes the preview English; the default is Indonesian.
func TestPagesSpeakTheProjectsLanguage(t *testing.T) {
	files := testProject()
	files["pkpm.yaml"] += "language: en\n"
	_, ts, _ := builtServer(t, files)
	_, post, _ := get(t, ts.URL+"/post/masker")
	_, posts, _ := get(t, ts.URL+"/")
	_, missing, _ := get(t, ts.URL+"/post/tidak-ada")
	for page, words := range map[string][]string{
		post:    {`<html lang="en">`, "… more", "Alt text", "Check findings", "Copy", "Long-press to copy", ">published<", "5 slides"},
		posts:   {"3 posts in planned order", "1 draft", ">Calendar<"},
		missing: {"No post here", "tidak-ada"},
	} {
		for _, w := range words {
			if !strings.Contains(page, w) {
				t.Errorf("English page lacks %q", w)
			}
		}
	}
	if strings.Contains(post, "selengkapnya") || strings.Contains(post, "Teks alternatif") {
		t.Error("English post page has Indonesian words")
	}
}
