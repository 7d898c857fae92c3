package build

import (
	"context"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/pkpm-btn3/pkpm/internal/atomicfile"
	"github.com/pkpm-btn3/pkpm/internal/config"
	"github.com/pkpm-btn3/pkpm/internal/content"
	"github.com/pkpm-btn3/pkpm/internal/deck"
	"github.com/pkpm-btn3/pkpm/internal/diag"
	"github.com/pkpm-btn3/pkpm/internal/layout"
	"github.com/pkpm-btn3/pkpm/internal/photo"
	"github.com/pkpm-btn3/pkpm/internal/render"
	"github.com/pkpm-btn3/pkpm/internal/theme"
)

// samplePost is the post `pkpm templates show` lays out: one slide of
// every kind, photos included. %s is the template's name.
const samplePost = `---
title: Cara Mencuci Tangan yang Benar
subtitle: Kebiasaan kecil untuk keluarga sehat
pillar: %s
sources:
  - "WHO: Guidelines on Hand Hygiene in Health Care (2009)"
  - "Kementerian Kesehatan RI: Pedoman Pencegahan dan Pengendalian COVID-19, revisi ke-5 (Juli 2020)"
---

Tangan bersih melindungi kita dan orang-orang di sekitar kita. 🧼

---

## Kenapa harus cuci tangan?

Setiap hari tangan menyentuh gagang pintu, uang, dan ponsel. Kuman dari sana mudah pindah ke mata, hidung, dan mulut.

Mencuci tangan dengan **sabun dan air mengalir** menyingkirkan kuman itu.

---

## Empat langkah mudah

1. Basahi tangan, lalu tuang sabun.
2. Gosok telapak dan punggung tangan.
3. Gosok sela-sela jari dan ujung kuku.
4. Bilas sampai bersih, lalu keringkan.

---

**20 detik**

Waktu paling singkat mencuci tangan dengan sabun agar kuman benar-benar luruh.

---

> Anak-anak belajar dari contoh. Kalau orang tuanya rajin cuci tangan, anaknya ikut.
>
> — Bu Ani, kader posyandu RT 04

---

## Tempat cuci tangan di pos ronda

![Warga antre mencuci tangan di tempat cuci tangan pos ronda](pos-ronda.jpg)

---

<!-- background: warga.jpg -->

## Ajak tetangga

Pasang tempat cuci tangan di depan rumah, dan ingatkan tamu untuk mencuci tangan sebelum masuk.
`

// SampleDeck composes the sample post with a template: every slide kind,
// with the project's handle, logo and brand colours.
func SampleDeck(root string, p config.Project, t *theme.Template, size string, eng *layout.Engine, photos SamplePhotos, coverPhoto bool) ([]deck.Slide, []diag.Diagnostic, error) {
	src := fmt.Sprintf(samplePost, t.Name)
	if coverPhoto {
		src = strings.Replace(src, "pillar:", "cover: pos-ronda.jpg\npillar:", 1)
	}
	a, err := content.Parse("templates/"+t.Name+" (sample)", []byte(src), time.UTC)
	if err != nil {
		return nil, nil, err
	}
	imgs := map[string]image.Image{"pos-ronda.jpg": photos.Estate, "warga.jpg": photos.Crowd}
	if p.Brand.Logo != "" {
		logo, err := loadLogo(root, p.Brand.Logo)
		if err != nil {
			return nil, nil, diag.Errorf(config.FileName, p.Brand.LogoLine, "brand.logo %q: %v", p.Brand.Logo, err)
		}
		imgs[deck.LogoKey] = logo
	}
	slides, diags := deck.Compose(deck.Input{Article: a, Template: t, Project: p, Size: size, Images: imgs}, eng)
	for _, d := range diags {
		if d.Severity == diag.Error {
			return nil, diags, d
		}
	}
	return slides, diags, nil
}

// SamplePhotos are the sample deck's two photos.
type SamplePhotos struct{ Estate, Crowd image.Image }

// NewSamplePhotos paints them; it takes a few tens of milliseconds, so
// paint them once for many decks.
func NewSamplePhotos() SamplePhotos {
	return SamplePhotos{Estate: samplePhotoEstate(), Crowd: samplePhotoCrowd()}
}

// ShowOptions say which template to show, and where.
type ShowOptions struct {
	Root     string
	Project  config.Project
	Template string
	Sizes    []string // canvases to show; the first one also gets an overview
	Format   render.Format
	Out      string // the folder to write: <out>/templates/<name>/ is replaced whole
}

// ShowResult is what ShowTemplate wrote.
type ShowResult struct {
	Dir   string
	Files []string // sorted, relative to Dir
	Diags []diag.Diagnostic
}

// ShowTemplate renders the sample deck with a template in each size: one
// file per slide named by its kind, the cover once more over a photo, and
// an overview picture of all the slides.
func ShowTemplate(ctx context.Context, opts ShowOptions) (ShowResult, error) {
	t, err := theme.Load(opts.Root, opts.Template)
	if err != nil {
		return ShowResult{}, err
	}
	fonts, err := theme.Fonts()
	if err != nil {
		return ShowResult{}, err
	}
	eng := layout.New(fonts.Clone())
	res := ShowResult{Dir: filepath.Join(opts.Out, "templates", t.Name)}
	photos := NewSamplePhotos()
	var jobs []showJob
	for _, size := range opts.Sizes {
		slides, diags, err := SampleDeck(opts.Root, opts.Project, t, size, eng, photos, false)
		res.Diags = append(res.Diags, diags...)
		if err != nil {
			return res, err
		}
		photoCover, _, err := SampleDeck(opts.Root, opts.Project, t, size, eng, photos, true)
		if err != nil {
			return res, err
		}
		prefix := ""
		if len(opts.Sizes) > 1 {
			prefix = size + "-"
		}
		for i, s := range slides {
			jobs = append(jobs, showJob{slide: s, name: fmt.Sprintf("%s%02d-%s%s", prefix, i+1, s.Kind, opts.Format.Ext())})
		}
		jobs = append(jobs, showJob{slide: photoCover[0], name: prefix + "cover-photo" + opts.Format.Ext(), overview: prefix + "overview.jpg"})
	}
	if err := drawJobs(ctx, jobs, opts.Format); err != nil {
		return res, err
	}
	files := map[string][]byte{}
	var sheet []*image.RGBA
	for _, j := range jobs {
		files[j.name] = j.data
		sheet = append(sheet, j.img)
		if j.overview != "" {
			// The cover over a photo ends each size's deck.
			if err := add(files, j.overview, overview(sheet, 5, 320), render.JPEG); err != nil {
				return res, err
			}
			sheet = nil
		}
	}
	if err := atomicfile.WriteDir(res.Dir, files); err != nil {
		return res, err
	}
	for name := range files {
		res.Files = append(res.Files, name)
	}
	sort.Strings(res.Files)
	return res, nil
}

// showJob is one slide of a sample deck to draw and encode.
type showJob struct {
	slide    deck.Slide
	name     string
	overview string // set on a size's last slide: the overview's name
	img      *image.RGBA
	data     []byte
}

// drawJobs draws and encodes the slides on one worker per core.
func drawJobs(ctx context.Context, jobs []showJob, f render.Format) error {
	next := make(chan int)
	errs := make(chan error, len(jobs))
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(jobs)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := render.New()
			for i := range next {
				j := &jobs[i]
				j.img = r.Draw(j.slide)
				data, err := render.Encode(j.img, f)
				if err != nil {
					errs <- err
					continue
				}
				j.data = data
			}
		}()
	}
feed:
	for i := range jobs {
		select {
		case next <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	close(errs)
	if err := ctx.Err(); err != nil {
		return err // stopped: nothing is written
	}
	return <-errs
}

func add(files map[string][]byte, name string, img image.Image, f render.Format) error {
	data, err := render.Encode(img, f)
	if err != nil {
		return err
	}
	files[name] = data
	return nil
}

// overview lays slides out as thumbnails tileW wide in a grid of cols
// columns, on a neutral ground, for docs and for a quick look.
func overview(slides []*image.RGBA, cols, tileW int) *image.RGBA {
	const gap = 24
	if len(slides) == 0 {
		return image.NewRGBA(image.Rect(0, 0, 1, 1))
	}
	b := slides[0].Bounds()
	tileH := tileW * b.Dy() / b.Dx()
	rows := (len(slides) + cols - 1) / cols
	dst := image.NewRGBA(image.Rect(0, 0, gap+cols*(tileW+gap), gap+rows*(tileH+gap)))
	draw.Draw(dst, dst.Bounds(), image.NewUniform(color.RGBA{0xE9, 0xEB, 0xEE, 255}), image.Point{}, draw.Src)
	for i, s := range slides {
		x, y := gap+(i%cols)*(tileW+gap), gap+(i/cols)*(tileH+gap)
		thumb := photo.Downscale(s, tileW, tileH)
		draw.Draw(dst, image.Rect(x, y, x+tileW, y+tileH), thumb, image.Point{}, draw.Src)
	}
	return dst
}
