package deck

import (
	"image"
	"image/color"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/pkpm-btn3/pkpm/internal/config"
	"github.com/pkpm-btn3/pkpm/internal/content"
	"github.com/pkpm-btn3/pkpm/internal/theme"
)

func composeImages(t *testing.T, src string, imgs map[string]image.Image, p config.Project) ([]Slide, []string) {
	t.Helper()
	a, err := content.Parse("posts/x.md", []byte(src), time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	slides, diags := Compose(Input{Article: a, Template: template(t), Project: p, Size: "portrait", Images: imgs}, engine(t))
	var msgs []string
	for _, d := range diags {
		msgs = append(msgs, d.String())
	}
	return slides, msgs
}

func kinds(slides []Slide) string {
	var out []string
	for _, s := range slides {
		out = append(out, s.Kind.String())
	}
	return strings.Join(out, " ")
}

func solid(w, h int, c color.RGBA) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for i := 0; i < len(img.Pix); i += 4 {
		img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = c.R, c.G, c.B, c.A
	}
	return img
}

// Kinds follow from what a slide holds, and a comment can force one.
func TestKindsChosenFromContent(t *testing.T) {
	src := `---
title: Jenis
---

## Teks

Paragraf biasa.

---

## Daftar

- satu
- dua

Penutup.

---

> Kutipan saja.
>
> — Bu RT

---

**20 detik**

Waktu mencuci tangan dengan sabun.

---

**Penting:**\
Bawa masker cadangan.

---

![Foto warga](foto.jpg)

---

<!-- layout: stat -->

**Rp 0**

Biaya mendaftar.

---

<!-- layout: quote -->

Kalimat yang ingin ditonjolkan.

---

**Bukan stat** karena kalimatnya menyambung di baris yang sama.
`
	slides, diags := composeImages(t, src, map[string]image.Image{"foto.jpg": solid(800, 600, color.RGBA{90, 120, 160, 255})}, config.Default())
	want := "cover content list quote stat stat image stat quote content closing"
	if got := kinds(slides); got != want {
		t.Errorf("kinds:\n got  %s\n want %s\n%v", got, want, diags)
	}
	if len(diags) != 0 {
		t.Errorf("diagnostics: %v", diags)
	}
	if got := slides[4].Alt; got != "20 detik. Waktu mencuci tangan dengan sabun." {
		t.Errorf("stat alt = %q", got)
	}
	if got := slides[3].Alt; got != "Kutipan saja. — Bu RT" {
		t.Errorf("quote alt = %q", got)
	}
}

func TestSlideSettingsWarn(t *testing.T) {
	src := "---\ntitle: X\n---\n\n<!-- layout: stats -->\n<!-- fokus: top -->\n\n## Satu\n\nTeks.\n\n---\n\n<!-- layout: image -->\n\nTanpa foto.\n\n---\n\n<!-- layout: stat -->\n\nBukan angka, hanya kalimat panjang yang biasa saja.\n"
	slides, diags := composeImages(t, src, nil, config.Default())
	joined := strings.Join(diags, "\n")
	for _, want := range []string{
		`posts/x.md:8: unknown layout "stats" — did you mean "stat"?; use one of content, list, quote, image, stat`,
		`unknown slide setting "<!-- fokus: ... -->" — did you mean "focus"?`,
		`<!-- layout: image --> needs an image alone in a paragraph`,
		`<!-- layout: stat --> needs a short phrase in bold on its own line`,
	} {
		if !strings.Contains(joined, want) {
			t.Errorf("diagnostics lack %q:\n%s", want, joined)
		}
	}
	if got := kinds(slides); got != "cover content content content closing" {
		t.Errorf("kinds = %s", got)
	}
}

// layersOf returns a slide's layers of one kind.
func layersOf(s Slide, k LayerKind) []Layer {
	var out []Layer
	for _, l := range s.Layers {
		if l.Kind == k {
			out = append(out, l)
		}
	}
	return out
}

// veilAlpha is the opacity of the first veil over a photo on a slide.
func veilAlpha(s Slide) float64 {
	for _, l := range s.Layers {
		if l.Role == Scrim && l.Kind == RectLayer && !l.Paint.Gradient {
			return float64(l.Paint.From.A) / 255
		}
	}
	return -1
}

// A photo behind text gets a veil as strong as that photo needs: a white
// photo needs more than a mid-grey one, a black one only the minimum, and
// the focus given in a comment reaches the layer.
func TestPhotoVeilMeasuredOnThePhoto(t *testing.T) {
	post := "---\ntitle: Foto\ncover: sampul.jpg\n---\n\n<!-- focus: 20% 80% -->\n\nPembuka.\n\n---\n\n<!-- background: latar.jpg -->\n<!-- focus: top -->\n\n## Judul\n\nTeks di atas foto.\n"
	alphas := map[string][2]float64{}
	for name, c := range map[string]color.RGBA{"white": {255, 255, 255, 255}, "grey": {128, 128, 128, 255}, "black": {0, 0, 0, 255}} {
		img := solid(900, 1200, c)
		slides, diags := composeImages(t, post, map[string]image.Image{"sampul.jpg": img, "latar.jpg": img}, config.Default())
		if len(diags) > 0 {
			t.Fatalf("%s: %v", name, diags)
		}
		cover, bg := slides[0], slides[1]
		photos := layersOf(cover, ImageLayer)
		if len(photos) == 0 || photos[0].FocusX != 0.2 || photos[0].FocusY != 0.8 {
			t.Fatalf("%s: cover photo layers %+v", name, photos)
		}
		if p := layersOf(bg, ImageLayer); len(p) == 0 || p[0].FocusY != 0 {
			t.Fatalf("%s: background photo layers %+v", name, p)
		}
		alphas[name] = [2]float64{veilAlpha(cover), veilAlpha(bg)}
	}
	look := template(t).Look("cover")
	if w, g, b := alphas["white"][0], alphas["grey"][0], alphas["black"][0]; !(w > b+0.1 && w >= g && g >= b && math.Abs(b-look.Photo.Opacity) < 0.01) {
		t.Errorf("cover veil: white %.2f, grey %.2f, black %.2f (least %.2f)", w, g, b, look.Photo.Opacity)
	}
	// Dark text on the light content page: a black photo needs the most.
	if w, b := alphas["white"][1], alphas["black"][1]; !(b > w) {
		t.Errorf("background veil under dark text: white %.2f, black %.2f", w, b)
	}
}

// The brand colours replace the template's, in every kind; a colour that
// makes text hard to read is reported against pkpm.yaml.
func TestBrandColours(t *testing.T) {
	p := config.Default()
	p.Brand.Primary, p.Brand.Accent = "#5B2A86", "#F7B32B"
	slides, diags := composeImages(t, "---\ntitle: Merek\npillar: edukasi\n---\n\n## Satu\n\nTeks.\n", nil, p)
	purple := color.RGBA{0x5B, 0x2A, 0x86, 255}
	if slides[0].Background.From != purple {
		t.Errorf("cover gradient starts at %v, want the brand primary", slides[0].Background.From)
	}
	found := false
	for _, l := range slides[1].Layers {
		for _, ln := range l.Text.Lines {
			if ln.Text == "Satu" && ln.Runs[0].Color == purple {
				found = true
			}
		}
	}
	if !found {
		t.Error("the heading is not in the brand primary")
	}
	if len(diags) != 0 {
		t.Errorf("a readable brand was warned about: %v", diags)
	}
	p.Brand.Primary = "#F5F5A0"
	_, diags = composeImages(t, "---\ntitle: Merek\n---\n\nTeks.\n", nil, p)
	if joined := strings.Join(diags, "\n"); len(diags) != 1 || !strings.HasPrefix(joined, "pkpm.yaml: with the brand colours, template \"edukasi\" leaves ") ||
		!strings.Contains(joined, "text colours below WCAG AA, the worst cover: subtitle #F7B32B on ") {
		t.Errorf("a pale brand primary was not reported:\n%s", joined)
	}
}

// Without a logo the header shows the account's initials; with one, the
// logo, on every slide.
func TestLogoOrInitials(t *testing.T) {
	src := "---\ntitle: Logo\n---\n\nTeks.\n"
	slides, _ := composeImages(t, src, nil, config.Default())
	if got := chromeText(slides[0]); len(got) == 0 || got[0] != "PKPM" {
		t.Errorf("header without a logo = %q, want the initials PKPM first", got)
	}
	logo := solid(300, 100, color.RGBA{10, 100, 91, 255})
	slides, _ = composeImages(t, src, map[string]image.Image{LogoKey: logo}, config.Default())
	for i, s := range slides {
		found := false
		for _, l := range s.Layers {
			if l.Kind == ImageLayer && l.Image == image.Image(logo) && l.Contain {
				found = true
			}
		}
		if !found {
			t.Errorf("slide %d has no logo", i+1)
		}
	}
	for in, want := range map[string]string{"PKPM BTN 3 Way Halim": "PKPM", "Karang Taruna Melati": "KT", "kelompok 7": "K7", "": ""} {
		if got := initials(in, ""); got != want {
			t.Errorf("initials(%q) = %q, want %q", in, got, want)
		}
	}
}

// Every built-in template lays out every size without an error.
func TestEveryTemplateEverySize(t *testing.T) {
	eng := engine(t)
	for _, name := range theme.Names("") {
		tm, _ := theme.Load("", name)
		for size := range Sizes {
			for file, src := range examplePosts(t) {
				slides, diags := composeWith(t, eng, tm, src, size)
				for _, d := range diags {
					if strings.Contains(d, "error") {
						t.Errorf("%s %s %s: %s", name, size, file, d)
					}
				}
				for _, s := range slides {
					if s.W != Sizes[size].X || s.H != Sizes[size].Y {
						t.Errorf("%s %s: slide %d×%d", name, size, s.W, s.H)
					}
				}
			}
		}
	}
}

// An image slide is inset or full-bleed as the template says, unless the
// slide asks otherwise.
func TestImageModes(t *testing.T) {
	img := map[string]image.Image{"foto.jpg": solid(1200, 900, color.RGBA{40, 80, 120, 255})}
	src := "---\ntitle: Foto\n---\n\n## Di pos ronda\n\n![Warga](foto.jpg)\n\n---\n\n<!-- image: bleed -->\n\n## Di balai\n\n![Warga lagi](foto.jpg)\n"
	slides, diags := composeImages(t, src, img, config.Default())
	if len(diags) != 0 {
		t.Fatal(diags)
	}
	inset, bleed := layersOf(slides[1], ImageLayer), layersOf(slides[2], ImageLayer)
	if len(inset) == 0 || inset[0].W >= 1080 || inset[0].Radius == 0 {
		t.Errorf("edukasi's image slide should be inset: %+v", inset)
	}
	if len(bleed) == 0 || bleed[0].W != 1080 || bleed[0].H != 1350 || veilAlpha(slides[2]) < 0 {
		t.Errorf("<!-- image: bleed --> should fill the slide under a veil: %+v", bleed)
	}
	if slides[2].Alt != "Di balai. Warga lagi" {
		t.Errorf("alt = %q", slides[2].Alt)
	}
}

// The closing slide shows the logo and the handle once each: its own
// large ones, not the header's or footer's as well.
func TestClosingShowsLogoAndHandleOnce(t *testing.T) {
	eng := engine(t)
	for _, name := range theme.Names("") {
		tm, _ := theme.Load("", name)
		for size := range Sizes {
			slides, _ := composeWith(t, eng, tm, "---\ntitle: Cuci Tangan\n---\n\nIsi.\n", size)
			last := slides[len(slides)-1]
			handles, logos := 0, 0
			for _, l := range last.Lines() {
				if l.Text == config.Default().Handle {
					handles++
				}
				if l.Role == "chrome" && l.Text == "P" || l.Text == "PKPM" {
					logos++
				}
			}
			if handles != 1 || logos > 1 {
				t.Errorf("%s %s: the closing slide shows the handle %d times and the logo %d times", name, size, handles, logos)
			}
		}
	}
}
