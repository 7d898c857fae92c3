package export

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/pkpm-btn3/pkpm/internal/browsertest"
)

// The index page is opened from disk, as the person posting does, and
// must show every thumbnail, every caption, and copy on a tap.
func TestIndexInBrowser(t *testing.T) {
	tab := browsertest.Phone(t)
	dir := t.TempDir()
	posts := []Post{testPost(t, "Masker melindungi kita."), testPost(t, "Cuci tangan dengan sabun.")}
	posts[1].Article.Slug = "cuci-tangan"
	var captions []string
	for _, p := range posts {
		m, err := Write(context.Background(), dir, p, "v1")
		if err != nil {
			t.Fatal(err)
		}
		captions = append(captions, m.Caption)
	}
	if err := WriteIndex(dir, func(Manifest) string { return "Senin, 3 Agustus 2020, 19.00 WIB" }); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(tab, 30*time.Second)
	defer cancel()
	url := "file://" + filepath.ToSlash(filepath.Join(dir, "index.html"))
	if err := chromedp.Do(ctx, chromedp.Navigate(url), chromedp.WaitVisible(chromedp.CSS("main"))); err != nil {
		t.Fatal(err)
	}
	eval := func(expr string) any {
		v, err := chromedp.Run(ctx, chromedp.Evaluate[any](expr))
		if err != nil {
			t.Fatalf("%s: %v", expr, err)
		}
		return v
	}
	deadline := time.Now().Add(10 * time.Second)
	for eval(`[...document.images].every(i => i.complete)`) != true && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	if n, loaded := eval(`document.images.length`), eval(`[...document.images].filter(i => i.naturalWidth > 0).length`); n != float64(4) || loaded != n {
		t.Errorf("%v of %v thumbnails loaded, want 4 of 4", loaded, n)
	}
	// innerText renders the caption's blank lines as they will be pasted.
	text, _ := eval(`[...document.querySelectorAll('pre.caption')].map(p => p.innerText).join('\n---\n')`).(string)
	for _, c := range captions {
		if !strings.Contains(text, c) {
			t.Errorf("caption %q not on the page:\n%s", c, text)
		}
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`button[data-copies="caption"]`))); err != nil {
		t.Fatal(err)
	}
	// Copying answers once the clipboard's promise settles.
	label := `document.querySelector('button[data-copies="caption"]').textContent`
	for end := time.Now().Add(3 * time.Second); eval(label) != "Copied" && time.Now().Before(end); {
		time.Sleep(20 * time.Millisecond)
	}
	if got := eval(label); got != "Copied" {
		t.Errorf("after a tap the copy button says %v", got)
	}
	if out := os.Getenv("PKPM_SCREENSHOTS"); out != "" {
		if png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot()); err == nil {
			_ = os.WriteFile(filepath.Join(out, "bundles-index.png"), png, 0o644)
		}
	}
}
