package layout

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

var box = Box{X: 96, Y: 140, W: 888, H: 1060}

func para(text string) Block {
	return Block{Spans: []Span{{Text: text}}, LineHeight: 1.38, SpaceBefore: 0.6}
}

// goldenCases are laid out and compared, as text, with testdata/<name>.golden.
var goldenCases = map[string]Spec{
	"styles": {Box: box, MaxSize: 48, MinSize: 34, Blocks: []Block{
		{Spans: []Span{{Text: "Langkah 1", Style: Bold}}, Scale: 1.33},
		{Spans: []Span{{Text: "Cuci tangan "}, {Text: "sebelum", Style: Bold}, {Text: " memakai "}, {Text: "masker", Style: Italic},
			{Text: " dan "}, {Text: "jangan", Style: Bold | Italic}, {Text: " sentuh "}, {Text: "bagian depan", Style: Strike}, {Text: " kode "}, {Text: "pkpm build", Style: Mono}}, SpaceBefore: 0.6},
	}},
	"hyphen": {Box: Box{X: 0, Y: 0, W: 520, H: 900}, MaxSize: 40, MinSize: 40, Blocks: []Block{
		para("Ajak anak-anak mencuci tangan masing-masing setiap hari, sehari-hari, bersama-sama."),
	}},
	"url": {Box: box, MaxSize: 40, MinSize: 40, Blocks: []Block{
		{Spans: []Span{{Text: "Baca: "}, {Text: "https://www.who.int/emergencies/diseases/novel-coronavirus-2019/advice-for-public/when-and-how-to-use-masks", Style: URL | Underline}}},
	}},
	"longword": {Box: Box{X: 0, Y: 0, W: 600, H: 900}, MaxSize: 40, MinSize: 40, Blocks: []Block{
		para("Kata Pneumonoultramicroscopicsilicovolcanoconiosissangatpanjangsekali ini."),
	}},
	"emoji": {Box: box, MaxSize: 48, MinSize: 34, Blocks: []Block{
		para("Pakai masker 😷 cuci tangan 🧼👐 keluarga 👨‍👩‍👧‍👦 bendera 🇮🇩 jempol 👍🏽 selesai ✅"),
	}},
	"list": {Box: box, MaxSize: 48, MinSize: 34, Blocks: []Block{
		{Spans: []Span{{Text: "Demam atau riwayat demam"}}, Marker: []Span{{Text: "•", Style: Bold}}, Indent: 1.1, LineHeight: 1.38},
		{Spans: []Span{{Text: "Batuk kering yang tidak kunjung reda selama beberapa hari"}}, Marker: []Span{{Text: "•", Style: Bold}}, Indent: 1.1, LineHeight: 1.38, SpaceBefore: 0.35},
		{Spans: []Span{{Text: "Hilang penciuman"}}, Marker: []Span{{Text: "10.", Style: Bold}}, Indent: 2.2, LineHeight: 1.38, SpaceBefore: 0.35},
	}},
	"overflow": {Box: Box{X: 96, Y: 140, W: 888, H: 400}, MaxSize: 48, MinSize: 34, Blocks: []Block{
		para(strings.Repeat("Jaga jarak minimal satu meter dari orang lain. ", 12)),
		{Spans: []Span{{Text: "Kutipan penutup yang panjang sekali untuk diuji."}}, Deco: QuoteBar, Indent: 0.75, SpaceBefore: 0.8},
	}},
	"table": {Box: box, MaxSize: 40, MinSize: 34, Blocks: []Block{
		{Table: &Table{Rows: [][][]Span{
			{{{Text: "Gejala", Style: Bold}}, {{Text: "Tindakan", Style: Bold}}},
			{{{Text: "Demam"}}, {{Text: "Isolasi mandiri dan hubungi puskesmas"}}},
		}}, Scale: 0.85},
	}},
	// At 100 px "Memperkenalkan" is wider than the box; the title shrinks
	// until it fits whole rather than divide it.
	"shrink": {Box: Box{X: 0, Y: 0, W: 700, H: 900}, MaxSize: 110, MinSize: 60, Blocks: []Block{
		{Spans: []Span{{Text: "Memperkenalkan Protokol", Style: Display}}, LineHeight: 1.05, Balance: true, Role: "title"},
	}},
	// At its smallest size the word still does not fit: it is divided
	// where Indonesian allows, with a hyphen.
	"divide": {Box: Box{X: 0, Y: 0, W: 420, H: 900}, MaxSize: 64, MinSize: 64, Blocks: []Block{
		{Spans: []Span{{Text: "Pengembangan ketidakbertanggungjawaban pascasarjana", Style: Display}}, Role: "title"},
	}},
	"balance": {Box: Box{X: 0, Y: 0, W: 880, H: 900}, MaxSize: 90, MinSize: 90, Blocks: []Block{
		{Spans: []Span{{Text: "Cara Memakai Masker yang Benar di Rumah", Style: Display}}, Balance: true, Role: "title"},
		{Spans: []Span{{Text: "Cara Memakai Masker", Style: Display}}, Balance: true, SpaceBefore: 0.5},
	}},
	// Greedy filling keeps "Bimbingan Belajar" on one line and leaves
	// "Gratis" alone in the middle; trying every way into three lines
	// finds the even one.
	"balanceall": {Box: Box{X: 0, Y: 0, W: 888, H: 900}, MaxSize: 95, MinSize: 95, Blocks: []Block{
		{Spans: []Span{{Text: "Bimbingan Belajar Gratis untuk Anak-Anak", Style: Display}}, LineHeight: 1.06, Tracking: -0.02, Balance: true, Role: "title"},
	}},
	// Three lines at 104 px, two at 90: the smaller size wins.
	"fewer": {Box: Box{X: 0, Y: 0, W: 900, H: 900}, MaxSize: 104, MinSize: 64, FewerLines: true, Blocks: []Block{
		{Spans: []Span{{Text: "Cara Memakai Masker yang Benar 😷", Style: Display}}, LineHeight: 1.06, Tracking: -0.02, Balance: true, Role: "title"},
	}},
	// The body shrinks to its smallest; the heading stops at its own
	// MinSize, where its long word may be divided.
	"floor": {Box: Box{X: 0, Y: 0, W: 560, H: 900}, MaxSize: 54, MinSize: 34, Blocks: []Block{
		{Spans: []Span{{Text: "Ketidakbertanggungjawaban", Style: Bold}}, Scale: 1.3, MinSize: 52, Balance: true, Role: "heading"},
		para(strings.Repeat("Cuci tangan dengan sabun sebelum makan. ", 4)),
	}},
	"keep": {Box: Box{X: 0, Y: 0, W: 640, H: 1200}, MaxSize: 40, MinSize: 40, Blocks: []Block{
		para("Kerja bakti warga RT 04 dan RW 02 dimulai pukul 08.00 WIB, iuran Rp 10.000 per rumah, cuci tangan 20 detik, rumah No. 3 jadi posko. Jangan lupa bersih 😷"),
		para("Masker kain dicuci setiap hari dengan sabun dan air bersih."),
	}},
	"center": {Box: box, MaxSize: 60, MinSize: 40, VAlign: Middle, Blocks: []Block{
		{Spans: []Span{{Text: "Terima kasih!", Style: Display}}, Align: Center},
		{Spans: []Span{{Text: "4/9"}}, Align: Right, SpaceBefore: 0.5},
	}},
}

func TestGolden(t *testing.T) {
	e := New(loadTestFonts(t))
	for name, spec := range goldenCases {
		t.Run(name, func(t *testing.T) {
			got := e.Fit(spec).Dump()
			file := filepath.Join("testdata", name+".golden")
			if *update {
				if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(file)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("layout changed (run `go test ./internal/layout -update` if intended)\n--- got\n%s--- want\n%s", got, want)
			}
		})
	}
}
