package layout

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// checkInside fails when a line leaves the box it was laid out in.
func checkInside(t *testing.T, spec Spec, res Result) {
	t.Helper()
	b := spec.Box
	for pi, p := range res.Pages {
		for _, l := range p.Lines {
			if l.X < b.X-0.5 || l.X+l.W > b.X+b.W+0.5 {
				t.Fatalf("page %d: line %q spans x %.1f–%.1f, outside the box %.1f–%.1f", pi+1, l.Text, l.X, l.X+l.W, b.X, b.X+b.W)
			}
			if l.Y-l.Ascent < b.Y-0.5-l.Size || l.Y+l.Descent > b.Y+b.H+0.5+l.Size*0.5 {
				t.Fatalf("page %d: line %q at baseline %.1f is outside the box %.1f–%.1f", pi+1, l.Text, l.Y, b.Y, b.Y+b.H)
			}
		}
	}
}

func TestGoldenCasesStayInside(t *testing.T) {
	e := New(loadTestFonts(t))
	for name, spec := range goldenCases {
		t.Run(name, func(t *testing.T) { checkInside(t, spec, e.Fit(spec)) })
	}
}

// words splits laid-out or input text into words for comparison; broken
// words are compared joined, so only spaces separate words.
func words(s string) []string { return strings.FieldsFunc(s, unicode.IsSpace) }

func FuzzFit(f *testing.F) {
	for _, s := range []string{
		"Cuci tangan pakai sabun 😷 masing-masing",
		"https://example.com/a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p",
		strings.Repeat("kata ", 400),
		"👨‍👩‍👧‍👦🇮🇩👍🏽\n\nbaris\u00a0baru",
		"Pneumonoultramicroscopicsilicovolcanoconiosis",
		"\x00\u200d\ufe0f\u202e",
		"Ketidakbertanggungjawaban RT 04 pukul 08.00 WIB 😷 pengembangan",
		"Memperkenalkan Protokol Kesehatan yang Benar",
	} {
		f.Add(s, uint8(3))
		f.Add(s, uint8(0x80))
	}
	e := New(loadTestFonts(f))
	f.Fuzz(func(t *testing.T, text string, style uint8) {
		if !utf8.ValidString(text) {
			return // content rejects invalid UTF-8 before layout
		}
		spec := Spec{Box: Box{X: 50, Y: 60, W: 400, H: 500}, MaxSize: 40, MinSize: 30, Blocks: []Block{
			{Spans: []Span{{Text: text, Style: Style(style) &^ Display}}, Marker: []Span{{Text: "•"}}, Indent: 1, Balance: style&0x80 != 0},
		}}
		res := e.Fit(spec)
		checkInside(t, spec, res)
		var got []string
		for _, p := range res.Pages {
			for _, l := range p.Lines {
				text := l.Text
				if l.Hyphen {
					if !strings.HasSuffix(text, "-") || l.SpaceAfter {
						t.Fatalf("line %q was marked as ending in a division but does not", text)
					}
					text = strings.TrimSuffix(text, "-")
				}
				got = append(got, text)
			}
		}
		for _, w := range res.Broken {
			if !strings.Contains(text, strings.ReplaceAll(w.Word, "-", "")) && !strings.Contains(text, w.Word) {
				t.Fatalf("divided word %q is not in the text", w.Word)
			}
		}
		// Every word of the input shows up, in order, on exactly one line
		// (a word broken inside spans adjacent lines, joined back here).
		want := strings.Join(words(text), "")
		have := strings.Join(words(strings.Join(got, "")), "")
		if want != have {
			t.Fatalf("text changed in layout:\n in: %q\nout: %q", want, have)
		}
	})
}

// A table row taller than the box is cut between lines rather than drawn
// past the box's bottom.
func TestTallTableRowIsCut(t *testing.T) {
	e := New(loadTestFonts(t))
	long := strings.Repeat("Isolasi mandiri di rumah selama empat belas hari. ", 30)
	spec := Spec{Box: Box{X: 0, Y: 0, W: 800, H: 500}, MaxSize: 40, MinSize: 34, Blocks: []Block{
		{Table: &Table{Rows: [][][]Span{{{{Text: "Gejala"}}, {{Text: "Tindakan"}}}, {{{Text: "Demam"}}, {{Text: long}}}}}},
	}}
	res := e.Fit(spec)
	if len(res.Pages) < 2 {
		t.Fatalf("a row of %d words fit on one page", len(words(long)))
	}
	checkInside(t, spec, res)
	for pi, p := range res.Pages {
		for _, l := range p.Lines {
			if l.Y+l.Descent > spec.Box.Y+spec.Box.H+0.5 {
				t.Errorf("page %d: %q ends at %.1f, below the box", pi+1, l.Text, l.Y+l.Descent)
			}
		}
	}
}
