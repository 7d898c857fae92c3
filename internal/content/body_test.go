package content

import (
	"reflect"
	"strings"
	"testing"
)

// body tests parse post(body): the body's first line is file line 4.

func checkDump(t *testing.T, body, want string) *Article {
	t.Helper()
	a := mustParse(t, "posts/x.md", post(body))
	if got := dump(a); got != want {
		t.Errorf("body:\n%s\ngot:\n%s\nwant:\n%s", body, got, want)
	}
	return a
}

func checkWarnings(t *testing.T, a *Article, want ...string) {
	t.Helper()
	if got := warnings(a); !reflect.DeepEqual(got, want) {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestInlineStyles(t *testing.T) {
	tests := []struct{ md, want string }{
		{"plain text", `"plain text"`},
		{"*i* _i_ **b** __b__", `i"i" " " i"i" " " b"b" " " b"b"`},
		{"***bi*** **b *bi* b**", `bi"bi" " " b"b " bi"bi" b" b"`},
		{"~~gone~~ ~one~", `s"gone" " " s"one"`},
		{"`a *b*` and ``x ` y``", "c\"a *b*\" \" and \" c\"x ` y\""},
		{"[situs **WHO**](https://who.int/a_b)", `l<https://who.int/a_b>"situs " bl<https://who.int/a_b>"WHO"`},
		{"<https://who.int> and https://covid19.go.id/x?a=1.", `l<https://who.int>"https://who.int" " and " l<https://covid19.go.id/x?a=1>"https://covid19.go.id/x?a=1" "."`},
		{"www.kemkes.go.id", `l<www.kemkes.go.id>"www.kemkes.go.id"`},
		{"satu\ndua", `"satu dua"`},
		{"satu  \ndua\\\ntiga", `"satu\ndua\ntiga"`},
		{"&amp; &lt;3 &#39; &#x1F637; &copy; &bogus; \\&amp; \\*", `"& <3 ' 😷 © &bogus; &amp; *"`},
		{"[a](x)[b](x) *c*_d_", `l<x>"ab" " " i"cd"`},
		{"anak-anak 😷 👨\u200d👩\u200d👧 🇮🇩", `"anak-anak 😷 👨\u200d👩\u200d👧 🇮🇩"`},
		{"[t](<a b> \"title\")", `l<a b>"t"`},
		{"**`kode` tebal**", `bc"kode" b" tebal"`},
	}
	for _, tt := range tests {
		a := mustParse(t, "posts/x.md", post(tt.md+"\n"))
		if len(a.Intro) != 1 || a.Intro[0].Kind != Paragraph {
			t.Errorf("%q: want one paragraph, got\n%s", tt.md, dump(a))
			continue
		}
		if got := dumpSpans(a.Intro[0].Spans); got != tt.want {
			t.Errorf("%q:\n got %s\nwant %s", tt.md, got, tt.want)
		}
		checkWarnings(t, a)
	}
}

func TestBlocks(t *testing.T) {
	checkDump(t, `# Judul besar

#### Kecil

Paragraf
dua baris.

- satu
- dua
  - dua a
  - dua b

    masih dua b
- tiga

3. x
4. y

> kutipan
> **tebal**
>
> - di dalam

`+"```go\nfmt.Println(\"hi\")\n\n  x\n```"+`

    indented code
`, `intro
  H1@4 "Judul besar"
  H3@6 "Kecil"
  P@8 "Paragraf dua baris."
  UL@11
    -
      P@11 "satu"
    -
      P@12 "dua"
      UL@13
        -
          P@13 "dua a"
        -
          P@14 "dua b"
          P@16 "masih dua b"
    -
      P@17 "tiga"
  OL3@19
    -
      P@19 "x"
    -
      P@20 "y"
  QUOTE@22
    P@22 "kutipan " b"tebal"
    UL@25
      -
        P@25 "di dalam"
  CODE@27 c"fmt.Println(\"hi\")\n\n  x"
  CODE@33 c"indented code"
`)
}

func TestTable(t *testing.T) {
	a := checkDump(t, `| Langkah | Keterangan |
|:--|--:|
| 1 | Cuci **tangan** |
| 2 | |
`, `intro
  TABLE@4 ["Langkah" | "Keterangan"] ["1" | "Cuci " b"tangan"] ["2" | ]
`)
	if got := a.Intro[0].PlainText(); got != "Langkah Keterangan 1 Cuci tangan 2" {
		t.Errorf("table PlainText = %q", got)
	}
	checkDump(t, "| a | b |\n|---|---|\n", "intro\n  TABLE@4 [\"a\" | \"b\"]\n")
}

func TestImages(t *testing.T) {
	a := checkDump(t, `![Relawan *membagikan* masker](foto/masker%201.jpg "judul")

  ![](a.png)  

![satu](1.jpg)
![dua](2.jpg)

Lihat ![peta](peta.png) ini.
`, `intro
  IMG@4 src="foto/masker%201.jpg" alt="Relawan membagikan masker"
  IMG@6 src="a.png" alt=""
  IMG@8 src="1.jpg" alt="satu"
  IMG@9 src="2.jpg" alt="dua"
  P@11 "Lihat peta ini."
`)
	checkWarnings(t, a, `11: image "peta.png" inside text is not shown, only its alt text; put it on a line of its own, with blank lines around it, to make an image slide`)
	if got := a.Intro[0].PlainText(); got != "Relawan membagikan masker" {
		t.Errorf("image PlainText = %q, want its alt text", got)
	}
}

func TestRawHTML(t *testing.T) {
	a := checkDump(t, `Teks <b>tebal</b> dan <br> lagi.

<div align="center">
Tengah
</div>

<!-- catatan untuk editor, bukan arahan -->
<!-- lihat https://who.int -->

<script>x()</script>
`, `intro
  P@4 "Teks tebal dan  lagi."
`)
	checkWarnings(t, a,
		"4: "+rawHTMLWarning,
		"6: "+rawHTMLWarning,
		"13: "+rawHTMLWarning,
	)
}

func TestDirectives(t *testing.T) {
	a := checkDump(t, `<!-- alt: Sampul pembuka -->
<!-- background: biru -->
Pembuka

---
<!-- ALT: Langkah
  satu -->
<!-- Layout:   dua-kolom -->

Cuci tangan.

---

<!-- alt: hanya alt -->

---

<!-- layout: tanpa-isi -->

---

* butir

  <!-- note: dalam daftar -->
Teks <!-- inline: ya -->
`, `intro alt="Sampul pembuka" background="biru"
  P@6 "Pembuka"
section@13 alt="Langkah satu" layout="dua-kolom"
  P@13 "Cuci tangan."
section@15 alt="hanya alt"
section@25 inline="ya" note="dalam daftar"
  UL@25
    -
      P@25 "butir"
  P@28 "Teks"
`)
	checkWarnings(t, a)
	if a.Sections[1].Line != 15 {
		t.Errorf("an alt-only section starts at its break, got line %d", a.Sections[1].Line)
	}
}

func TestDirectiveTwice(t *testing.T) {
	a := checkDump(t, "Teks\n<!-- alt: a --> <!-- alt: b -->\n", "intro alt=\"b\"\n  P@4 \"Teks\"\n")
	checkWarnings(t, a, `5: this slide already has alt text; the later "<!-- alt: ... -->" comment is used`)
}

func TestSectionsSplitAtBreaks(t *testing.T) {
	a := checkDump(t, `Pembuka.

---

## Langkah 1
Cuci tangan.

## Masih slide yang sama

***

___

Penutup.
---
`, `intro
  P@4 "Pembuka."
section@8
  H2@8 "Langkah 1"
  P@9 "Cuci tangan."
  H2@11 "Masih slide yang sama"
section@17
  P@17 "Penutup."
`)
	checkWarnings(t, a, "18: "+setextWarning)
}

func TestSectionsSplitAtHeadings(t *testing.T) {
	checkDump(t, `Pembuka.

## Langkah 1
Cuci tangan.

### Sub judul tetap di sini

## Langkah 2

- a

##

# Judul satu tidak memisah
`, `intro
  P@4 "Pembuka."
section@6
  H2@6 "Langkah 1"
  P@7 "Cuci tangan."
  H3@9 "Sub judul tetap di sini"
section@11
  H2@11 "Langkah 2"
  UL@13
    -
      P@13 "a"
section@17
  H1@17 "Judul satu tidak memisah"
`)
	// No intro: the body opens with a heading.
	checkDump(t, "## Satu\nA\n## Dua\nB\n", "intro\nsection@4\n  H2@4 \"Satu\"\n  P@5 \"A\"\nsection@6\n  H2@6 \"Dua\"\n  P@7 \"B\"\n")
}

func TestSetextHeadingIsABreak(t *testing.T) {
	a := checkDump(t, `Pembuka
---
Langkah satu,
dua baris.
-----
Judul setext
============

## ATX tetap judul
---
Akhir
`, `intro
  P@4 "Pembuka"
section@6
  P@6 "Langkah satu, dua baris."
section@9
  H1@9 "Judul setext"
  H2@12 "ATX tetap judul"
section@14
  P@14 "Akhir"
`)
	checkWarnings(t, a, "5: "+setextWarning, "8: "+setextWarning)
}

func TestNestedSetextAndBreak(t *testing.T) {
	a := checkDump(t, "- butir\n  ---\n\n> kutip\n> ---\n\n> ***\n", `intro
  UL@4
    -
      P@4 "butir"
  QUOTE@7
    P@7 "kutip"
`)
	checkWarnings(t, a,
		"5: "+nestedSetextWarning,
		"8: "+nestedSetextWarning,
		`10: "---" inside a list or quote cannot start a new slide and was left out; put it at the start of a line, after a blank line`,
	)
}

func TestEmptySectionsDropped(t *testing.T) {
	a := checkDump(t, "---\n\n---\n\n<!-- layout: x -->\n\n---\nA\n\n---\n", "intro\nsection@11\n  P@11 \"A\"\n")
	if len(a.Intro) != 0 {
		t.Errorf("intro = %v, want empty", a.Intro)
	}
}

func TestPlainText(t *testing.T) {
	a := mustParse(t, "posts/x.md", post("- **satu** dua\n  - tiga\n- `empat`\n\n> lima\n>\n> enam\n"))
	var got []string
	for _, b := range a.Intro {
		got = append(got, b.PlainText())
	}
	want := []string{"satu dua tiga empat", "lima enam"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("PlainText = %q, want %q", got, want)
	}
	if s := PlainText([]Span{{Text: "a "}, {Text: "b", Style: Bold}}); s != "a b" {
		t.Errorf("PlainText(spans) = %q", s)
	}
	if s := PlainText(nil); s != "" {
		t.Errorf("PlainText(nil) = %q", s)
	}
}
