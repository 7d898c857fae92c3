package layout

import (
	"fmt"
	"strings"
	"testing"
)

// Ways to break a paragraph are compared measured only, and the chosen
// one is set in full. That is right only if measuring breaks where
// setting does: same lines, widths and word positions, and the same
// words divided.
func TestMeasuringBreaksLikeSetting(t *testing.T) {
	e := New(loadTestFonts(t))
	texts := []string{
		"Cuci tangan dengan sabun dan air mengalir selama sedikitnya dua puluh detik, terutama sebelum makan.",
		"Ketidakbertanggungjawaban pengembangan masing-masing RT 04 pukul 08.00 WIB 😷 selesai.",
		"https://example.com/pendaftaran/bimbingan-belajar/gratis?kelas=1 lalu isi formulirnya",
		"baris pertama\nbaris kedua yang jauh lebih panjang\n\nbaris ketiga",
		"Memperkenalkan Protokol Kesehatan yang Benar",
		strings.Repeat("kata ", 60),
	}
	for _, text := range texts {
		for _, style := range []Style{0, Bold, Italic | Bold} {
			ws := glue(e.s.words([]Span{{Text: text, Style: style}}, 0.01))
			for maxW := float32(1); maxW < 30; maxW += 0.7 {
				for before := -1; before < len(ws); before += 3 {
					full := e.s.breakAt(ws, maxW, before)
					dry := e.s.measureAt(ws, maxW, before)
					if got, want := outline(dry), outline(full); got != want {
						t.Fatalf("%q at %.1f em, break before %d:\nmeasured %s\nset      %s", text, maxW, before, got, want)
					}
					if again := e.s.full(ws, dry); fmt.Sprintf("%+v", again.lines) != fmt.Sprintf("%+v", full.lines) {
						t.Fatalf("%q at %.1f em: setting a measured break again differs", text, maxW)
					}
				}
			}
		}
	}
}

// outline is what choosing among breaks reads of a result.
func outline(r broken) string {
	var b strings.Builder
	fmt.Fprintf(&b, "broken=%v words=%v", r.broken, r.wordLine)
	for i := range r.count() {
		fmt.Fprintf(&b, " %.5f", r.width(i))
	}
	return b.String()
}

// Degenerate boxes and sizes (nothing a template allows, but a fit must
// not panic on them): a zero size makes the measure infinite or NaN.
func TestFitDegenerateSizes(t *testing.T) {
	e := New(loadTestFonts(t))
	for _, w := range []float64{0, 1, 400} {
		for _, size := range []float64{0, 1, 40} {
			spec := Spec{Box: Box{W: w, H: 100}, MaxSize: size, MinSize: size, Blocks: []Block{
				{Spans: []Span{{Text: "Cuci tangan pakai sabun, lalu bilas dengan air mengalir sampai bersih."}}, Balance: true},
				{Spans: []Span{{Text: "Jaga jarak satu meter dari orang lain saat antre."}}, Marker: []Span{{Text: "•"}}, Indent: 1},
			}}
			e.Fit(spec)
		}
	}
}
