package layout

import (
	"fmt"
	"strings"
	"testing"
)

// lineUnits makes one block of n lines of height 10; the lines listed in
// ends close a sentence.
func lineUnits(n int, ends ...int) []unit {
	us := make([]unit, n)
	for i := range us {
		text := fmt.Sprintf("baris %d tanpa titik", i)
		for _, e := range ends {
			if e == i {
				text = fmt.Sprintf("baris %d selesai.", i)
			}
		}
		us[i] = unit{h: 10, lines: []Line{{Text: text}}}
	}
	return us
}

func starts(cs []pageCut) []int {
	var out []int
	for _, c := range cs {
		out = append(out, c.start)
	}
	return out
}

func TestBreakPages(t *testing.T) {
	spec := Spec{Box: Box{H: 100}, Blocks: []Block{{Role: "body"}, {Role: "body"}}}
	for _, tc := range []struct {
		name string
		us   []unit
		repH float64
		want []int
	}{
		// 11 lines on pages of 10: greedy would leave one line alone.
		{"balanced", lineUnits(11), 0, []int{0, 6}},
		// A sentence ends after line 4 (break before 5): near the middle.
		{"sentence end", lineUnits(11, 4), 0, []int{0, 5}},
		// A sentence end far from the middle is not worth a lopsided split.
		{"far sentence end", lineUnits(11, 0), 0, []int{0, 6}},
		// The repeated heading takes room on the second page.
		{"repeat", lineUnits(18), 20, []int{0, 10}},
	} {
		if got := starts(breakPages(spec, tc.us, tc.repH, false)); fmt.Sprint(got) != fmt.Sprint(tc.want) {
			t.Errorf("%s: starts = %v, want %v", tc.name, got, tc.want)
		}
	}
	// A paragraph end beats a sentence end at the same distance.
	us := lineUnits(12, 4)
	for i := 6; i < 12; i++ {
		us[i].block = 1
	}
	if got := starts(breakPages(spec, us, 0, false)); fmt.Sprint(got) != "[0 6]" {
		t.Errorf("paragraph: starts = %v, want [0 6]", got)
	}
	// No page ends with a heading.
	spec.Blocks[0].Role = "heading"
	us = lineUnits(12)
	for i := 1; i < 12; i++ {
		us[i].block = 1
	}
	if got := starts(breakPages(spec, us, 0, false)); got[1] == 1 {
		t.Errorf("heading alone on a page: starts = %v", got)
	}
}

// A page may break where a sentence ends inside a line: the paragraph is
// set as two there, and neither page is left with under a third of the
// text.
func TestPageBreakAtSentenceInsideLine(t *testing.T) {
	e := New(loadTestFonts(t))
	var sb strings.Builder
	for i := 0; i < 9; i++ {
		fmt.Fprintf(&sb, "Warga ke-%d diminta mencuci tangan%s sebelum masuk ke balai. ", i+1, strings.Repeat(" dengan sabun dan air", i%3))
	}
	text := strings.TrimSpace(sb.String())
	for _, h := range []float64{420, 500, 620} {
		spec := Spec{Box: Box{W: 700, H: h}, MaxSize: 34, MinSize: 34, Blocks: []Block{para(text)}}
		res := e.Fit(spec)
		if len(res.Pages) < 2 {
			t.Fatalf("height %v: %d pages; the text should continue", h, len(res.Pages))
		}
		var words []int
		total := 0
		for i, pg := range res.Pages {
			n := 0
			for _, l := range pg.Lines {
				n += len(strings.Fields(l.Text))
			}
			words = append(words, n)
			total += n
			if i+1 < len(res.Pages) {
				last := pg.Lines[len(pg.Lines)-1].Text
				if !closesSentence(last) {
					t.Errorf("height %v: page %d ends inside a sentence: %q", h, i+1, last)
				}
			}
		}
		for i, n := range words {
			if float64(n) < float64(total)/float64(len(words))*2/3 {
				t.Errorf("height %v: page %d holds %d of %d words", h, i+1, n, total)
			}
		}
		if got := strings.Join(pageWords(res), " "); got != text {
			t.Errorf("height %v: text changed:\n%s", h, got)
		}
	}
}

func pageWords(res Result) []string {
	var out []string
	for _, pg := range res.Pages {
		for _, l := range pg.Lines {
			out = append(out, strings.Fields(l.Text)...)
		}
	}
	return out
}
