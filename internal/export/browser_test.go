package export

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/pkpm-btn3/pkpm/internal/browsertest"
)

// bundlesDir writes two bundles and their index page, and returns the
// folder and the manifests.
func bundlesDir(t *testing.T, lang string) (string, []Manifest) {
	t.Helper()
	dir := t.TempDir()
	posts := []Post{testPost(t, "Masker melindungi kita."), testPost(t, "Cuci tangan dengan sabun.")}
	posts[1].Article.Slug = "cuci-tangan"
	var ms []Manifest
	for _, p := range posts {
		m, err := Write(context.Background(), dir, p, "v1")
		if err != nil {
			t.Fatal(err)
		}
		ms = append(ms, m)
	}
	if err := WriteIndex(context.Background(), dir, lang, func(Manifest) string { return "Senin, 3 Agustus 2020, 19.00 WIB" }); err != nil {
		t.Fatal(err)
	}
	// Both are on the same day: the page lists them by folder name.
	sort.Slice(ms, func(i, j int) bool { return folderOf(ms[i]) < folderOf(ms[j]) })
	return dir, ms
}

func folderOf(m Manifest) string {
	return strings.SplitN(m.Scheduled, "T", 2)[0] + "_" + m.Slug
}

// page drives one tab.
type page struct {
	t   *testing.T
	ctx context.Context
}

func openPage(t *testing.T, url string) *page {
	tab := browsertest.Phone(t)
	ctx, cancel := context.WithTimeout(tab, 60*time.Second)
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx, chromedp.Navigate(url), chromedp.WaitVisible(chromedp.CSS("main"))); err != nil {
		t.Fatal(err)
	}
	return &page{t, ctx}
}

// eval evaluates expr and decodes its value into out, unless out is nil.
func (p *page) eval(expr string, out any) {
	p.t.Helper()
	raw, err := chromedp.Run(p.ctx, chromedp.Evaluate[json.RawMessage](expr))
	if err != nil {
		p.t.Fatalf("%s: %v", expr, err)
	}
	if out != nil {
		if err := json.Unmarshal(raw, out); err != nil {
			p.t.Fatalf("%s: %v in %s", expr, err, raw)
		}
	}
}

// click taps the element the JavaScript expression finds, as a finger
// does: a real click, which lets the page use the clipboard and share.
func (p *page) click(find string) {
	p.t.Helper()
	var found bool
	p.eval(`(() => { document.querySelectorAll('[data-picked]').forEach(e => e.removeAttribute('data-picked'));
		const e = `+find+`; if (e) e.setAttribute('data-picked', ''); return !!e; })()`, &found)
	if !found {
		p.t.Fatalf("nothing to click: %s", find)
	}
	ctx, cancel := context.WithTimeout(p.ctx, 10*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("[data-picked]"))); err != nil {
		p.t.Fatalf("click %s: %v", find, err)
	}
}

// button finds the n-th (from 0) button matching sel in the post-th post.
func button(post int, sel string, n int) string {
	return fmt.Sprintf("document.querySelectorAll('section.post')[%d].querySelectorAll('%s')[%d]", post, sel, n)
}

// waitFor waits until expr is true, as clicks answer after promises.
func (p *page) waitFor(expr string) bool {
	p.t.Helper()
	for end := time.Now().Add(5 * time.Second); time.Now().Before(end); time.Sleep(25 * time.Millisecond) {
		var ok bool
		p.eval(expr, &ok)
		if ok {
			return true
		}
	}
	return false
}

func (p *page) screenshot(name string) {
	if out := os.Getenv("PKPM_SCREENSHOTS"); out != "" {
		if png, err := chromedp.Run(p.ctx, chromedp.FullScreenshot(90)); err == nil {
			_ = os.WriteFile(filepath.Join(out, name), png, 0o644)
		}
	}
}

// The index page is opened from disk, as the person posting does, and
// must show every thumbnail and every caption.
func TestIndexInBrowser(t *testing.T) {
	dir, ms := bundlesDir(t, "id")
	p := openPage(t, "file://"+filepath.ToSlash(filepath.Join(dir, "index.html")))
	if !p.waitFor(`[...document.images].every(i => i.complete)`) {
		t.Error("thumbnails did not load")
	}
	var n, loaded int
	p.eval(`document.images.length`, &n)
	p.eval(`[...document.images].filter(i => i.naturalWidth > 0).length`, &loaded)
	if n != 4 || loaded != n {
		t.Errorf("%d of %d thumbnails loaded, want 4 of 4", loaded, n)
	}
	// innerText renders the caption's blank lines as they will be pasted.
	var text string
	p.eval(`[...document.querySelectorAll('pre.caption')].map(p => p.innerText).join('\n---\n')`, &text)
	for _, m := range ms {
		if !strings.Contains(text, m.Caption) {
			t.Errorf("caption %q not on the page:\n%s", m.Caption, text)
		}
	}
	p.screenshot("bundles-index.png")
}

// Served as a phone gets it: every thumbnail links to its full-size JPEG,
// "Simpan" hands one slide to the share sheet, "Simpan semua" all of a
// post's, and without a share sheet both download.
func TestIndexSavesSlides(t *testing.T) {
	dir, ms := bundlesDir(t, "id")
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	t.Cleanup(srv.Close)
	p := openPage(t, srv.URL+"/index.html")

	var links []struct{ Href, Name string }
	p.eval(`[...document.querySelectorAll('a.full')].map(a => ({href: a.href, name: a.dataset.name}))`, &links)
	var want []string
	for _, m := range ms {
		for _, s := range m.Slides {
			want = append(want, folderOf(m)+"/"+s.File)
		}
	}
	if len(links) != len(want) {
		t.Fatalf("%d slide links, want %d", len(links), len(want))
	}
	for i, l := range links {
		if l.Href != srv.URL+"/"+want[i] || l.Name != strings.Replace(want[i], "/", "_", 1) {
			t.Errorf("link %d: %s saved as %s, want %s", i, l.Href, l.Name, want[i])
		}
		got := fetch(t, l.Href)
		disk, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(want[i])))
		if err != nil || string(got) != string(disk) {
			t.Errorf("link %d (%s) does not serve %s", i, l.Href, want[i])
		}
	}

	// A phone: the share sheet takes the files.
	p.eval(`window.shared = []; navigator.canShare = () => true;
		navigator.share = async (d) => { window.shared.push(await Promise.all(d.files.map(async f =>
			({name: f.name, type: f.type, sha: [...new Uint8Array(await crypto.subtle.digest('SHA-256', await f.arrayBuffer()))].map(b => b.toString(16).padStart(2, '0')).join('')})))); }; true`, nil)
	p.click(button(0, `button[data-save="one"]`, 1))
	if !p.waitFor(`window.shared.length === 1`) {
		t.Fatal("Simpan did not call navigator.share")
	}
	p.click(button(1, `button[data-save="all"]`, 0))
	if !p.waitFor(`window.shared.length === 2`) {
		t.Fatal("Simpan semua did not call navigator.share")
	}
	var shared [][]struct{ Name, Type, SHA string }
	p.eval(`window.shared`, &shared)
	checkShared := func(got []struct{ Name, Type, SHA string }, m Manifest, slides ...int) {
		t.Helper()
		if len(got) != len(slides) {
			t.Fatalf("shared %d files, want %d", len(got), len(slides))
		}
		for i, k := range slides {
			if s := m.Slides[k]; got[i].SHA != s.SHA256 || got[i].Type != "image/jpeg" || !strings.HasSuffix(got[i].Name, "_"+s.File) {
				t.Errorf("shared %+v, want %s (%s)", got[i], s.File, s.SHA256)
			}
		}
	}
	checkShared(shared[0], ms[0], 1)
	checkShared(shared[1], ms[1], 0, 1)
	var label string
	p.eval(button(1, `button[data-save="all"]`, 0)+`.textContent`, &label)
	if label != "Tersimpan" {
		t.Errorf("after sharing the button says %q", label)
	}

	// A desktop: no share sheet, so plain downloads of the same files.
	p.eval(`navigator.canShare = () => false; window.downloads = [];
		document.addEventListener('click', e => { const a = e.target.closest('a[download]');
			if (a && !a.href.endsWith('.zip')) { window.downloads.push({href: a.href, name: a.download}); e.preventDefault(); } }, true); true`, nil)
	p.click(button(0, `button[data-save="all"]`, 0))
	if !p.waitFor(`window.downloads.length === 2`) {
		t.Fatal("Simpan semua did not download without a share sheet")
	}
	p.click(button(1, `button[data-save="one"]`, 0))
	if !p.waitFor(`window.downloads.length === 3`) {
		t.Fatal("Simpan did not download without a share sheet")
	}
	var downloads []struct{ Href, Name string }
	p.eval(`window.downloads`, &downloads)
	for i, k := range []int{0, 1, 2} {
		if downloads[i].Href != links[k].Href || downloads[i].Name != links[k].Name {
			t.Errorf("download %d = %+v, want %+v", i, downloads[i], links[k])
		}
	}
	var shares int
	p.eval(`window.shared.length`, &shares)
	if shares != 2 {
		t.Errorf("share called %d times in all, want 2", shares)
	}
	p.screenshot("bundles-saved.png")
}

// Copy buttons say so when the text is copied, and when the browser
// refuses, select the text and ask for a long press.
func TestIndexCopyFallsBackToSelection(t *testing.T) {
	dir, ms := bundlesDir(t, "id")
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	t.Cleanup(srv.Close)
	p := openPage(t, srv.URL+"/index.html")
	p.eval(`window.copied = []; navigator.clipboard.writeText = async (s) => { window.copied.push(s); }; true`, nil)
	p.click(button(0, `button[data-copies="caption"]`, 0))
	label := button(0, `button[data-copies="caption"]`, 0) + `.textContent`
	if !p.waitFor(label + ` === 'Tersalin'`) {
		t.Error("after a copy the button does not say Tersalin")
	}
	var copied []string
	p.eval(`window.copied`, &copied)
	if len(copied) != 1 || copied[0] != ms[0].Caption {
		t.Errorf("copied %q, want the caption %q", copied, ms[0].Caption)
	}

	p.eval(`navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
		document.execCommand = () => false; true`, nil)
	p.click(button(1, `button[data-copies="alt"]`, 1))
	alt := button(1, `button[data-copies="alt"]`, 1) + `.textContent`
	if !p.waitFor(alt + ` === 'Tekan lama untuk menyalin'`) {
		var got string
		p.eval(alt, &got)
		t.Errorf("when the clipboard refuses the button says %q", got)
	}
	var selected string
	p.eval(`window.getSelection().toString()`, &selected)
	if selected != ms[1].Slides[1].Alt {
		t.Errorf("selected %q, want the alt text %q", selected, ms[1].Slides[1].Alt)
	}
	p.screenshot("bundles-copy-refused.png")
}

func fetch(t *testing.T, url string) []byte {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("GET %s: %d %v", url, resp.StatusCode, err)
	}
	return b
}
