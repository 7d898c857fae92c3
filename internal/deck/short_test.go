package deck

import (
	"strings"
	"testing"

	"github.com/pkpm-btn3/pkpm/internal/theme"
)

// bodySizes are the sizes of a slide's body lines and the middle of its
// text, from the top of the canvas.
func bodySizes(s Slide) (sizes []float64, mid float64) {
	for _, l := range s.Layers {
		if l.Kind != TextLayer || l.Role != Body {
			continue
		}
		for _, ln := range l.Text.Lines {
			if ln.Role == "body" || ln.Role == "list" {
				sizes = append(sizes, ln.Size)
			}
		}
		_, y0, _, y1, _ := bounds(l.Text)
		mid = (y0 + y1) / 2
	}
	return sizes, mid
}

// Content and list slides whose text would fill about half the box at
// the body size are set larger, all at one size for the post, centred as
// the template says; a slide with more text keeps the body size and the
// top.
// Every built-in template and size.
func TestShortSlidesShareOneLargerSize(t *testing.T) {
	eng := engine(t)
	long := strings.Repeat("Warga saling mengingatkan untuk memakai masker dan mencuci tangan dengan sabun. ", 5)
	src := "---\ntitle: Pendek\n---\n\n## Satu\n\nCuci tangan.\n\n---\n\n## Dua\n\n- Pakai masker.\n- Jaga jarak.\n\n---\n\n## Tiga\n\n" + long + "\n"
	for _, name := range theme.Names("") {
		tm, _ := theme.Load("", name)
		short := tm.Look("content").Short
		body := tm.Type["body"].Max
		for _, size := range []string{"portrait", "square", "landscape"} {
			slides, _ := composeWith(t, eng, tm, src, size)
			var got [][]float64
			var mids []float64
			for _, s := range slides {
				if s.Kind == Content || s.Kind == List {
					sz, mid := bodySizes(s)
					got, mids = append(got, sz), append(mids, mid/float64(s.H))
				}
			}
			if len(got) < 3 {
				t.Fatalf("%s %s: %d content slides", name, size, len(got))
			}
			// Slides set larger share one size; in landscape a heading and
			// a line may already fill half the box.
			var larger []float64
			for _, sz := range got {
				if sz[0] > body {
					larger = append(larger, sz[0])
				}
			}
			for _, v := range larger {
				if v != larger[0] || v > short.Size {
					t.Errorf("%s %s: short slides at %v px; want one size, at most %v", name, size, larger, short.Size)
					break
				}
			}
			if size == "landscape" {
				continue
			}
			if len(larger) != 2 || got[0][0] != larger[0] || got[1][0] != larger[0] {
				t.Errorf("%s %s: body sizes %v; want the two short slides larger than %v", name, size, got, body)
			}
			if short.Place == "center" && (mids[0] < 0.4 || mids[0] > 0.6) {
				t.Errorf("%s %s: the short slide's text is centred at %.2f of the height", name, size, mids[0])
			}
			if got[2][0] > body {
				t.Errorf("%s %s: the long slide was set larger, at %v px", name, size, got[2][0])
			}
		}
	}
}
