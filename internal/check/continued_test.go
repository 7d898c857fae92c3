package check

import (
	"strings"
	"testing"
)

// A continuation slide with a few words says how few; a full one says it
// continues.
func TestContinuedFewWords(t *testing.T) {
	for _, tt := range []struct {
		alt, want string
	}{
		{"dan keluarga dari percikan.", "posts/p.md:9: warning text-continued: slide 3 holds only 4 words carried over from slide 2; shorten the text by about that much to keep it on one slide"},
		{strings.Repeat("kata ", 40), "posts/p.md:9: warning text-continued: slide 3 continues text that did not fit the slide before"},
	} {
		p := post(t, cleanPost, func(p *Post) {
			p.Slides[2].Warnings = []string{"continued from the slide before: the text did not fit at the minimum size"}
			p.Slides[2].Alt = tt.alt
		})
		var got []string
		for _, f := range slides(p, Settings{}) {
			if f.Rule == TextContinued.ID {
				got = append(got, f.String())
			}
		}
		if len(got) != 1 || got[0] != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
	}
}
