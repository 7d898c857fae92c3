package deck

import (
	"fmt"
	"strings"
	"testing"

	"github.com/pkpm-btn3/pkpm/internal/theme"
)

// bodyLines is the text of a slide's body lines, the repeated heading
// (Block -1) apart.
func bodyLines(s Slide) (heading []string, text []string) {
	for _, l := range s.Layers {
		if l.Kind != TextLayer || l.Role != Body {
			continue
		}
		for _, ln := range l.Text.Lines {
			if ln.Block < 0 {
				heading = append(heading, ln.Text)
			} else {
				text = append(text, ln.Text)
			}
		}
	}
	return heading, text
}

// A section that runs over continues on slides that each repeat its
// heading with "(lanjutan)", share the text evenly (none under two thirds
// of its share) and break where a sentence ends, inside a line or not.
// Every built-in template and size.
func TestContinuationRepeatsHeadingAndBalances(t *testing.T) {
	eng := engine(t)
	// Sentences of different lengths, so line ends fall at sentence ends
	// only here and there.
	var sb strings.Builder
	for i := 0; i < 40; i++ {
		fmt.Fprintf(&sb, "Kalimat ke-%d mengingatkan warga untuk mencuci tangan%s. ", i+1, strings.Repeat(" dengan sabun", i%4))
	}
	src := "---\ntitle: Judul\n---\n\n## Cuci Tangan\n\n" + sb.String() + "\n"
	for _, name := range theme.Names("") {
		tm, err := theme.Load("", name)
		if err != nil {
			t.Fatal(err)
		}
		for _, size := range []string{"square", "portrait", "landscape"} {
			slides, _ := composeWith(t, eng, tm, src, size)
			var conts []Slide
			for _, s := range slides {
				if s.Kind == Content {
					conts = append(conts, s)
				}
			}
			if len(conts) < 2 {
				t.Fatalf("%s %s: %d content slides; the text should continue", name, size, len(conts))
			}
			total := 0
			counts := make([]int, len(conts))
			var inside []string // breaks inside a sentence
			for i, s := range conts {
				head, text := bodyLines(s)
				for _, l := range text {
					counts[i] += len([]rune(l))
				}
				total += counts[i]
				if i+1 < len(conts) && len(text) > 0 && !strings.HasSuffix(text[len(text)-1], ".") {
					inside = append(inside, fmt.Sprintf("slide %d ends %q", i+1, text[len(text)-1]))
				}
				joined := strings.ToLower(strings.Join(head, " "))
				if i > 0 && (!strings.HasSuffix(joined, "(lanjutan)") || !strings.Contains(joined, "cuci tangan")) {
					t.Errorf("%s %s: continuation slide %d heading = %q, want the heading with (lanjutan)", name, size, i+1, joined)
				}
			}
			// A landscape slide holds six lines or so: there a break may
			// fall inside a sentence now and then, never often.
			if allowed := (len(conts) - 1) / 4; size != "landscape" && len(inside) > 0 || len(inside) > allowed {
				t.Errorf("%s %s: %d of %d breaks fall inside a sentence: %s", name, size, len(inside), len(conts)-1, strings.Join(inside, "; "))
			}
			share := float64(total) / float64(len(conts))
			for i, n := range counts {
				if float64(n) < share*2/3 {
					t.Errorf("%s %s: slide %d holds %d of %d characters, under two thirds of its share", name, size, i+1, n, total)
				}
			}
		}
	}
}
