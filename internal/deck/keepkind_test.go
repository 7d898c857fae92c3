package deck

import (
	"fmt"
	"strings"
	"testing"

	"time"

	"github.com/pkpm-btn3/pkpm/internal/content"
	"github.com/pkpm-btn3/pkpm/internal/theme"
)

// A post whose stat, quote and list slides are as full as their kinds
// allow: long labels, a kicker, a long figure, a long quotation.
const fullKinds = `---
title: Jenis yang penuh
---

## Angka yang penting

**Rp 10.000 per kepala keluarga**

Iuran sukarela untuk membeli sabun, masker dan hand sanitizer bagi warga yang membutuhkan di RT 04. Dibayarkan paling lambat akhir bulan.

---

<!-- layout: stat -->

**20 detik**

Waktu paling singkat mencuci tangan dengan sabun di air mengalir, sambil menggosok sela jari, punggung tangan dan kuku.

---

## Kata Ketua RT

> Kami berterima kasih kepada mahasiswa PKPM yang sudah membantu warga memahami protokol kesehatan. Semoga kebiasaan baik ini terus berjalan walaupun program sudah selesai, dan warga tetap saling mengingatkan.
>
> — Bapak Suharto, Ketua RT 04

---

## Langkah mencuci tangan

1. Basahi tangan dengan air mengalir, lalu tuang sabun secukupnya.
2. Gosok telapak tangan, punggung tangan dan sela-sela jari.
3. Kunci jari-jari dan gosok ujung jari serta ibu jari bergantian.
4. Gosok kuku di telapak tangan, lalu bilas sampai bersih.
5. Keringkan dengan tisu atau handuk bersih milik sendiri.

Lakukan setiap kali sampai di rumah.
`

// wantKinds is the kind each section of an article asks for: what it
// holds, or what its <!-- layout --> says.
func wantKinds(a *content.Article) map[int]Kind {
	out := map[int]Kind{}
	for _, s := range a.Sections {
		k := autoKind(s.Blocks)
		if v, ok := s.Directives["layout"]; ok {
			if f, ok := KindNamed(v); ok {
				k = f
			}
		}
		out[s.Line] = k
	}
	return out
}

// roleSize is the size of a slide's first line of a role.
func roleSize(s Slide, role string) float64 {
	for _, l := range s.Lines() {
		if l.Role == role {
			return l.Size
		}
	}
	return 0
}

// Stat, quote and list slides keep their kind in every size: the text
// shrinks or continues, the slide does not turn into plain text, and a
// stat's figure stays well larger than its sentence. Every
// built-in template, every size, the example posts and a post of full
// slides.
func TestKindsKeptInEverySize(t *testing.T) {
	eng := engine(t)
	posts := examplePosts(t)
	posts["full.md"] = fullKinds
	for _, name := range theme.Names("") {
		tm, err := theme.Load("", name)
		if err != nil {
			t.Fatal(err)
		}
		for _, size := range []string{"portrait", "square", "landscape"} {
			for file, src := range posts {
				a, err := content.Parse("posts/x.md", []byte(src), time.UTC)
				if err != nil {
					t.Fatal(err)
				}
				want := wantKinds(a)
				slides, _ := composeWith(t, eng, tm, src, size)
				var bad []string
				for i, s := range slides {
					if k, ok := want[s.Line]; ok && k != ImageSlide && s.Kind != k {
						bad = append(bad, fmt.Sprintf("slide %d is %s, want %s", i+1, s.Kind, k))
					}
					if s.Kind == Stat {
						if fig, text := roleSize(s, "stat"), roleSize(s, "body"); fig < 1.5*text && text > tm.Type["body"].Min {
							bad = append(bad, fmt.Sprintf("slide %d: the figure at %v px is hardly larger than its sentence at %v", i+1, fig, text))
						}
					}
				}
				if len(bad) > 0 {
					t.Errorf("%s %s %s: %s", name, size, file, strings.Join(bad, "; "))
				}
			}
		}
	}
}
