package preview

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/pkpm-btn3/pkpm/internal/browsertest"
)

// eventually evaluates a JavaScript condition until it holds. It survives
// the page reloading under it, which a single evaluation would not.
func eventually(t *testing.T, ctx context.Context, within time.Duration, what, expr string) time.Duration {
	t.Helper()
	start := time.Now()
	var last error
	for time.Since(start) < within {
		ectx, cancel := context.WithTimeout(ctx, time.Second)
		ok, err := chromedp.Run(ectx, chromedp.Evaluate[bool](expr))
		cancel()
		if err == nil && ok {
			return time.Since(start)
		}
		last = err
		time.Sleep(40 * time.Millisecond)
	}
	t.Fatalf("%s: not within %v (last error: %v)", what, within, last)
	return 0
}

func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}

func do(t *testing.T, ctx context.Context, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// swipe drags one finger across the page at height y, from x0 to x1.
func swipe(x0, x1, y float64) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		touch := func(typ input.DispatchTouchEventType, x float64) error {
			p := input.DispatchTouchEventParams{Type: typ, TouchPoints: []*input.TouchPoint{}}
			if typ != input.DispatchTouchEventTypeTouchEnd {
				p.TouchPoints = append(p.TouchPoints, &input.TouchPoint{X: x, Y: y})
			}
			_, err := cdp.Call(ctx, t, input.DispatchTouchEvent, p)
			return err
		}
		if err := touch(input.DispatchTouchEventTypeTouchStart, x0); err != nil {
			return err
		}
		for i := 1; i <= 8; i++ {
			if err := touch(input.DispatchTouchEventTypeTouchMove, x0+(x1-x0)*float64(i)/8); err != nil {
				return err
			}
		}
		return touch(input.DispatchTouchEventTypeTouchEnd, x1)
	})
}

// screenshot saves the tab as PNG into $PKPM_SCREENSHOTS, when set, for
// a person to look at.
func screenshot(t *testing.T, ctx context.Context, name string) {
	dir := os.Getenv("PKPM_SCREENSHOTS")
	if dir == "" {
		return
	}
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Errorf("screenshot %s: %v", name, err)
		return
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		t.Error(err)
	}
}

// live bounds how long a saved change may take to show before the test
// calls it lost: generous, so a loaded CI machine does not fail it; the
// speed itself is measured by benchmarks, not asserted here. The race
// detector slows the build tenfold.
var live = 10 * time.Second

func init() {
	if raceDetector {
		live = 30 * time.Second
	}
}

const activeDot = `[...document.querySelectorAll('#dots .dot')].findIndex(d => d.classList.contains('is-active'))`

func TestBrowser(t *testing.T) {
	r := serve(t, testProject())
	ctx, cancel := context.WithTimeout(browsertest.Phone(t), 60*time.Second)
	defer cancel()
	post := testProject()["posts/masker.md"]

	// The posts page lists every post, the draft marked.
	do(t, ctx, "opening the posts page", chromedp.Navigate(r.url+"/"), chromedp.WaitVisible(chromedp.CSS(".rows")))
	if n := eval[int](t, ctx, `document.querySelectorAll('.row').length`); n != 3 {
		t.Errorf("posts page shows %d posts, want 3", n)
	}
	if draft := eval[string](t, ctx, `document.querySelector('.row.is-draft .row-title').textContent`); draft != "Tulisan Setengah Jadi" {
		t.Errorf("the draft marked is %q", draft)
	}
	screenshot(t, ctx, "posts")

	// A post: every slide loads.
	do(t, ctx, "opening a post", chromedp.Click(chromedp.CSS(`a[href="/post/masker"]`)), chromedp.WaitVisible(chromedp.ID("carousel")))
	eventually(t, ctx, 10*time.Second, "every slide image loaded",
		`[...document.querySelectorAll('#track img')].every(i => i.complete && i.naturalWidth > 0)`)
	if n := eval[int](t, ctx, `document.querySelectorAll('#track img').length`); n != 5 {
		t.Errorf("%d slides on the page, want 5", n)
	}
	if n := eval[int](t, ctx, `document.querySelector('#track img').naturalWidth`); n != 1080 {
		t.Errorf("slide 1 is %d pixels wide, want 1080", n)
	}
	screenshot(t, ctx, "post")

	// Next moves the dot, the counter and the alt text; so do the arrow keys.
	if i := eval[int](t, ctx, activeDot); i != 0 {
		t.Fatalf("active dot at start = %d", i)
	}
	do(t, ctx, "clicking next", chromedp.Click(chromedp.ID("next")))
	eventually(t, ctx, 2*time.Second, "the second dot active", activeDot+` === 1`)
	if c := eval[string](t, ctx, `document.getElementById('counter').textContent`); c != "2/5" {
		t.Errorf("counter = %q", c)
	}
	if !eval[bool](t, ctx, `document.getElementById('alt-text').textContent === document.querySelectorAll('#track img')[1].alt`) {
		t.Error("the alt text is not the second slide's")
	}
	do(t, ctx, "pressing →", chromedp.KeyEvent(kb.ArrowRight))
	eventually(t, ctx, 2*time.Second, "→ moves to slide 3", activeDot+` === 2`)
	do(t, ctx, "pressing ←", chromedp.KeyEvent(kb.ArrowLeft))
	eventually(t, ctx, 2*time.Second, "← moves back to slide 2", activeDot+` === 1`)

	// A finger swiping left shows the next slide; swiping right, the one before.
	mid := eval[[]float64](t, ctx, `(r => [r.left + r.width / 2, r.top + r.height / 2, r.width])(document.getElementById('carousel').getBoundingClientRect())`)
	do(t, ctx, "swiping left", swipe(mid[0]+mid[2]/3, mid[0]-mid[2]/3, mid[1]))
	eventually(t, ctx, 2*time.Second, "a swipe left moves to slide 3", activeDot+` === 2`)
	do(t, ctx, "swiping right", swipe(mid[0]-mid[2]/3, mid[0]+mid[2]/3, mid[1]))
	eventually(t, ctx, 2*time.Second, "a swipe right moves back to slide 2", activeDot+` === 1`)

	// The caption shows about 125 characters, then "… selengkapnya" (more)
	// expands it.
	caption := `document.getElementById('caption').innerText`
	folded := eval[string](t, ctx, caption)
	if !strings.Contains(folded, "… selengkapnya") || strings.Contains(folded, "setiap hari.") || len([]rune(folded)) > 125+len("pkpm.btn3 … selengkapnya")+2 {
		t.Errorf("folded caption = %q", folded)
	}
	do(t, ctx, "clicking more", chromedp.Click(chromedp.ID("more")))
	full := eval[string](t, ctx, caption)
	if strings.Contains(full, "… selengkapnya") || !strings.Contains(full, "setiap hari.") || !strings.Contains(full, "#covid19") {
		t.Errorf("expanded caption = %q", full)
	}

	// Saving the post shows the new text without a manual reload, on the
	// same slide.
	do(t, ctx, "marking the page", chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 120); window.untouched = true`))
	// The intro is slide 2, whose alt text is shown, and the caption.
	writeFile(t, r.root, "posts/masker.md", strings.Replace(post, "Masker membantu menahan", "Masker kain tiga lapis menahan", 1))
	took := eventually(t, ctx, live, "the saved text on the page",
		`!window.untouched && document.getElementById('alt-text').innerText.includes('Masker kain tiga lapis') && document.getElementById('caption').innerText.includes('Masker kain tiga lapis')`)
	t.Logf("save → page shows the new text: %v", took)
	if i := eval[int](t, ctx, activeDot); i != 1 {
		t.Errorf("after the reload the carousel is on slide %d, want 2", i+1)
	}
	if y := eval[float64](t, ctx, `window.scrollY`); y < 100 {
		t.Errorf("after the reload the page scrolled to %v, want about 120", y)
	}

	// Broken front matter: the error panel names the file and line; the
	// fix clears it.
	writeFile(t, r.root, "posts/masker.md", strings.Replace(post, "title:", "titel:", 1))
	eventually(t, ctx, live, "the error panel with file and line",
		`(p => p !== null && p.innerText.includes('posts/masker.md:2:') && p.innerText.includes('titel'))(document.getElementById('error-panel'))`)
	if n := eval[int](t, ctx, `document.querySelectorAll('#track img').length`); n != 0 {
		t.Errorf("the broken post still shows %d slides", n)
	}
	screenshot(t, ctx, "post-error")
	writeFile(t, r.root, "posts/masker.md", post)
	eventually(t, ctx, live, "the fix clears the error panel",
		`document.getElementById('error-panel') === null && document.querySelectorAll('#track img').length === 5`)

	// The grid: newest first, the scheduled post marked.
	do(t, ctx, "opening the grid", chromedp.Navigate(r.url+"/grid"), chromedp.WaitVisible(chromedp.ID("grid")))
	eventually(t, ctx, 5*time.Second, "every tile loaded", `[...document.querySelectorAll('.tile img')].every(i => i.complete && i.naturalWidth > 0)`)
	order := eval[string](t, ctx, `[...document.querySelectorAll('.tile')].map(a => a.getAttribute('href') + (a.classList.contains('is-scheduled') ? '*' : '')).join(' ')`)
	if order != "/post/jarak* /post/draf /post/masker" {
		t.Errorf("grid = %q", order)
	}
	if ratio := eval[float64](t, ctx, `(r => r.width / r.height)(document.querySelector('.tile').getBoundingClientRect())`); ratio < 0.74 || ratio > 0.76 {
		t.Errorf("grid tiles are %.3f:1, want 3:4", ratio)
	}
	screenshot(t, ctx, "grid")
}

// A phone's finger: the arrows are at least 44×44 CSS pixels, each dot is
// a button that a tap lands on, and tapping it shows that slide. The
// alt text and caption use the bundled emoji font, which the page loads
// when they hold an emoji. Copy buttons fall back to a selection.
func TestBrowserTouchTargetsEmojiAndCopy(t *testing.T) {
	files := testProject()
	files["posts/masker.md"] = strings.Replace(files["posts/masker.md"], "Cuci tangan dulu.", "Cuci tangan dulu. 🧼😷", 1)
	r := serve(t, files)
	ctx, cancel := context.WithTimeout(browsertest.Phone(t), 120*time.Second)
	defer cancel()
	do(t, ctx, "opening a post", chromedp.Navigate(r.url+"/post/masker#slide-2"), chromedp.WaitVisible(chromedp.ID("carousel")))

	size := `(r => [r.width, r.height])(document.getElementById('%s').getBoundingClientRect())`
	for _, id := range []string{"prev", "next"} {
		if wh := eval[[]float64](t, ctx, fmt.Sprintf(size, id)); wh[0] < 44 || wh[1] < 44 {
			t.Errorf("#%s is %v×%v CSS pixels, want at least 44×44", id, wh[0], wh[1])
		}
	}
	dots := eval[[][]float64](t, ctx, `[...document.querySelectorAll('#dots .dot')].map(d => (r => [r.left + r.width / 2, r.top + r.height / 2, r.width, r.height])(d.getBoundingClientRect()))`)
	if len(dots) != 5 {
		t.Fatalf("%d dots, want 5", len(dots))
	}
	for i, d := range dots {
		if d[2] < 24 || d[3] < 44 {
			t.Errorf("dot %d is %v×%v CSS pixels, want at least 24×44", i+1, d[2], d[3])
		}
	}
	// A tap at a dot's centre reaches that dot, not a neighbour.
	do(t, ctx, "tapping the fourth dot", chromedp.MouseClickXY(dots[3][0], dots[3][1]))
	eventually(t, ctx, 2*time.Second, "the fourth slide shown", activeDot+` === 3 && document.getElementById('counter').textContent === '4/5'`)
	do(t, ctx, "tapping the third dot's edge", chromedp.MouseClickXY(dots[2][0]-dots[2][2]/2+2, dots[2][1]+dots[2][3]/2-2))
	eventually(t, ctx, 2*time.Second, "the third slide shown", activeDot+` === 2`)

	// Slide 3 holds the emoji: its alt text is drawn with the bundled font.
	if ff := eval[string](t, ctx, `getComputedStyle(document.getElementById('alt-text')).fontFamily`); !strings.Contains(ff, "pkpm emoji") {
		t.Errorf("the alt text's fonts are %s, without the bundled emoji font", ff)
	}
	eventually(t, ctx, 20*time.Second, "the emoji font loaded",
		`[...document.fonts].some(f => f.family.replace(/"/g, '') === 'pkpm emoji' && f.status === 'loaded')`)
	screenshot(t, ctx, "post-emoji")

	// The clipboard works: the button says so. It refuses: the text is
	// selected for a long press, and the button says how.
	do(t, ctx, "stubbing the clipboard", chromedp.Evaluate[chromedp.Void](`window.copied = []; navigator.clipboard.writeText = async s => { window.copied.push(s); }`))
	do(t, ctx, "copying the alt text", chromedp.Click(chromedp.CSS(`button[data-copy-from="alt-text"]`)))
	eventually(t, ctx, 2*time.Second, "Tersalin", `document.querySelector('button[data-copy-from="alt-text"]').textContent === 'Tersalin'`)
	if got := eval[[]string](t, ctx, `window.copied`); len(got) != 1 || !strings.Contains(got[0], "🧼😷") {
		t.Errorf("copied %q, want slide 3's alt text", got)
	}
	do(t, ctx, "refusing the clipboard", chromedp.Evaluate[chromedp.Void](`navigator.clipboard.writeText = () => Promise.reject(new DOMException('no', 'NotAllowedError')); document.execCommand = () => false`))
	do(t, ctx, "copying the caption", chromedp.Click(chromedp.CSS(`button[data-copy-from="caption"]`)))
	eventually(t, ctx, 2*time.Second, "long-press hint", `document.querySelector('button[data-copy-from="caption"]').textContent === 'Tekan lama untuk menyalin'`)
	sel := eval[string](t, ctx, `window.getSelection().toString()`)
	if !strings.Contains(sel, "setiap hari.") || !strings.Contains(sel, "#covid19") {
		t.Errorf("selected %q, want the whole caption", sel)
	}
	screenshot(t, ctx, "post-copy-refused")
}
