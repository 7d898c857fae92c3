package deck

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"testing"
	"time"

	"github.com/pkpm-btn3/pkpm/internal/config"
	"github.com/pkpm-btn3/pkpm/internal/content"
	"github.com/pkpm-btn3/pkpm/internal/layout"
	"github.com/pkpm-btn3/pkpm/internal/theme"
)

// A post with one slide of each kind, under a long title or a short one.
func everyKind(title string) string {
	return `---
title: "` + title + `"
subtitle: Panduan singkat untuk seluruh warga kompleks
pillar: edukasi
sources:
  - "Kementerian Kesehatan RI: Pedoman Pencegahan dan Pengendalian COVID-19"
---

Masker melindungi diri sendiri dan orang lain dari percikan saat berbicara.

---

## Pilih masker yang tepat

Masker kain tiga lapis cukup untuk kegiatan sehari-hari di tempat umum. Ganti setiap empat jam atau saat basah.

---

## Langkah memakai

- Cuci tangan sebelum menyentuh masker
- Tutup hidung, mulut dan dagu
- Jangan sentuh bagian depan masker

---

> Masker yang benar adalah masker yang dipakai dengan benar.
>
> — Ketua RT 04

---

![Warga memakai masker](foto.jpg)

---

**20 detik**

Waktu mencuci tangan dengan sabun sebelum memakai masker.
`
}

// box is an axis-aligned rectangle; round marks the ellipse inscribed in it.
type box struct {
	x0, y0, x1, y1 float64
	round          bool
	what           string
}

func (b box) hits(o box) bool {
	if b.x0 >= o.x1 || o.x0 >= b.x1 || b.y0 >= o.y1 || o.y0 >= b.y1 {
		return false
	}
	if !b.round {
		return true
	}
	// The point of o nearest the ellipse's centre, in units of its radii.
	cx, cy, rx, ry := (b.x0+b.x1)/2, (b.y0+b.y1)/2, (b.x1-b.x0)/2, (b.y1-b.y0)/2
	dx := (math.Max(o.x0, math.Min(cx, o.x1)) - cx) / rx
	dy := (math.Max(o.y0, math.Min(cy, o.y1)) - cy) / ry
	return dx*dx+dy*dy < 1
}

// obstacles are what a slide's words must keep clear of: the template's
// decorations and the logo.
func obstacles(tm *theme.Template, s Slide) []box {
	var out []box
	decor := map[[4]float64]bool{}
	for _, d := range Decorations(tm, s.Kind, float64(s.W), float64(s.H)) {
		if faint(d) {
			continue
		}
		out = append(out, box{d.X, d.Y, d.X + d.W, d.Y + d.H, d.Kind == EllipseLayer || d.Kind == RingLayer, "a decoration"})
		decor[[4]float64{d.X, d.Y, d.W, d.H}] = true
	}
	for _, l := range s.Layers {
		// The closing slide's big logo is drawn as part of the slide.
		logo := l.Role == Chrome || s.Kind == Closing && l.Role == Decor && !decor[[4]float64{l.X, l.Y, l.W, l.H}]
		if logo && (l.Kind == ImageLayer || l.Kind == EllipseLayer) {
			out = append(out, box{l.X, l.Y, l.X + l.W, l.Y + l.H, l.Kind == EllipseLayer, "the logo"})
		}
	}
	return out
}

// textBlocks are the line boxes of each text layer that is read, leaving
// out the quote mark and the logo's initials.
func textBlocks(s Slide, logo []box) [][]box {
	var out [][]box
	for _, l := range s.Layers {
		if l.Kind != TextLayer || l.Role == Decor {
			continue
		}
		var lines []box
		for _, ln := range l.Text.Lines {
			if ln.Text == "" {
				continue
			}
			lines = append(lines, box{ln.X, ln.Y - ln.Ascent, ln.X + ln.W, ln.Y + ln.Descent, l.Role == Chrome, fmt.Sprintf("%q", ln.Text)})
		}
		if l.Role == Chrome && len(lines) > 0 && inLogo(lines[0], logo) {
			continue
		}
		out = append(out, lines)
	}
	return out
}

func inLogo(b box, logo []box) bool {
	for _, o := range logo {
		if o.what == "the logo" && b.x0 >= o.x0 && b.x1 <= o.x1 && b.y0 >= o.y0 && b.y1 <= o.y1 {
			return true
		}
	}
	return false
}

// No line of text lies over a template's decoration, the logo or another
// block, in any built-in template, kind and size, under a long title and
// a short one.
func TestNothingCollides(t *testing.T) {
	eng := engine(t)
	photo := map[string]image.Image{"foto.jpg": solid(1200, 800, color.RGBA{90, 120, 160, 255})}
	for _, name := range theme.Names("") {
		tm, err := theme.Load("", name)
		if err != nil {
			t.Fatal(err)
		}
		for _, title := range []string{"Cara Memakai Masker yang Benar di Tempat Umum", "Pengembangan Ketidakadilan Memperkenalkan Protokol", "Masker"} {
			for _, size := range []string{"portrait", "square", "landscape"} {
				slides := composeKinds(t, eng, tm, everyKind(title), size, photo)
				seen := map[Kind]bool{}
				for i, s := range slides {
					seen[s.Kind] = true
					where := fmt.Sprintf("%s %s %q slide %d (%s)", name, size, title, i+1, s.Kind)
					collisions(t, where, s, obstacles(tm, s))
				}
				for _, k := range []Kind{Cover, Content, List, Quote, ImageSlide, Stat, Closing, Sources} {
					if !seen[k] {
						t.Errorf("%s %s: no %s slide", name, size, k)
					}
				}
			}
		}
	}
}

func composeKinds(t *testing.T, eng *layout.Engine, tm *theme.Template, src, size string, imgs map[string]image.Image) []Slide {
	t.Helper()
	a, err := content.Parse("posts/x.md", []byte(src), time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	slides, _ := Compose(Input{Article: a, Template: tm, Project: config.Default(), Size: size, Images: imgs}, eng)
	return slides
}

func collisions(t *testing.T, where string, s Slide, obs []box) {
	t.Helper()
	blocks := textBlocks(s, obs)
	for i, lines := range blocks {
		for _, ln := range lines {
			for _, o := range obs {
				// The header and footer sit on the template's corner marks
				// by design; they only keep off the logo.
				if ln.round && o.what != "the logo" {
					continue
				}
				if o.hits(ln) {
					t.Errorf("%s: %s lies over %s at %.0f,%.0f–%.0f,%.0f", where, ln.what, o.what, o.x0, o.y0, o.x1, o.y1)
				}
			}
			for _, other := range blocks[i+1:] {
				for _, o := range other {
					if o.hits(ln) {
						t.Errorf("%s: %s lies over %s", where, ln.what, o.what)
					}
				}
			}
		}
	}
}
