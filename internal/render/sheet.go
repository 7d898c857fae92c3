package render

import (
	"image"
	"image/color"
	"image/draw"
	"io"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"

	"github.com/fogleman/gg"
	"github.com/go-text/typesetting/font"

	"github.com/pkpm-btn3/pkpm/internal/deck"
	"github.com/pkpm-btn3/pkpm/internal/layout"
	"github.com/pkpm-btn3/pkpm/internal/pngenc"
	"github.com/pkpm-btn3/pkpm/internal/stacksize"
)

// SheetSpec says what a contact sheet shows.
type SheetSpec struct {
	Title    string // the heading, usually the post's title
	Subtitle string // a second line: handle, slide count, date
	TileW    int    // thumbnail width in pixels
	Columns  int    // 0: four, fewer when there are fewer slides
}

// Contact-sheet geometry, in pixels.
const (
	sheetMargin = 48
	sheetGap    = 28
	sheetHeader = 128
	badgeSize   = 44
)

var (
	sheetPaper = color.RGBA{0xf4, 0xf4, 0xf5, 0xff}
	sheetInk   = color.RGBA{0x18, 0x18, 0x1b, 0xff}
	sheetMuted = color.RGBA{0x5f, 0x63, 0x68, 0xff}
	sheetRule  = color.RGBA{0xd4, 0xd4, 0xd8, 0xff}
	badgeFill  = color.RGBA{0x12, 0x12, 0x12, 0xe0}
)

// sheetGrid is where a sheet puts its tiles, in sheet pixels.
type sheetGrid struct {
	cols, rows   int
	tileW, tileH int
	w, h         int
}

func newSheetGrid(slides []deck.Slide, spec SheetSpec) sheetGrid {
	cols := spec.Columns
	if cols <= 0 {
		cols = 4
	}
	g := sheetGrid{cols: max(1, min(cols, len(slides))), tileW: max(spec.TileW, 16)}
	g.rows = (len(slides) + g.cols - 1) / g.cols
	g.tileH = g.tileW
	if len(slides) > 0 {
		// The carousel takes the first slide's shape; so does every cell.
		g.tileH = max(1, g.tileW*slides[0].H/max(slides[0].W, 1))
	}
	g.w = 2*sheetMargin + g.cols*g.tileW + (g.cols-1)*sheetGap
	g.h = sheetMargin + sheetHeader + g.rows*g.tileH + max(g.rows-1, 0)*sheetGap + sheetMargin
	return g
}

// cell is the tile of slide i.
func (g sheetGrid) cell(i int) image.Rectangle {
	x := sheetMargin + (i%g.cols)*(g.tileW+sheetGap)
	y := sheetMargin + sheetHeader + (i/g.cols)*(g.tileH+sheetGap)
	return image.Rect(x, y, x+g.tileW, y+g.tileH)
}

// bands cuts the sheet into the heading and one band per row of tiles,
// in the middle of the gaps, so no tile is cut. It returns the cuts from
// 0 to the sheet's height.
func (g sheetGrid) bands() []int {
	cuts := []int{0}
	for row := range g.rows {
		cuts = append(cuts, g.cell(row*g.cols).Min.Y-sheetGap/2)
	}
	return append(cuts, g.h)
}

// sheetDraw draws one contact sheet, a band of it at a time.
type sheetDraw struct {
	r      *Renderer
	eng    *layout.Engine
	slides []deck.Slide
	spec   SheetSpec
	grid   sheetGrid
	tile   *canvas // reused for every thumbnail

	labelsOnce sync.Once
	labels     sheetLabels
}

// sheetLabels is the text the sheet lays out itself: the heading's two
// lines and each slide's number.
type sheetLabels struct {
	title, sub layout.Result
	numbers    []layout.Result
}

func (r *Renderer) newSheetDraw(eng *layout.Engine, slides []deck.Slide, spec SheetSpec) *sheetDraw {
	return &sheetDraw{r: r, eng: eng, slides: slides, spec: spec, grid: newSheetGrid(slides, spec)}
}

// Sheet draws a post's slides as numbered thumbnails on one canvas, so a
// whole carousel can be sent for approval as a single picture. Each slide
// is drawn straight at its thumbnail's size (shapes and type are vectors:
// nothing is drawn large to be shrunk). eng lays out the heading and the
// numbers. WriteSheet makes the same picture without holding it whole.
func (r *Renderer) Sheet(eng *layout.Engine, slides []deck.Slide, spec SheetSpec) *image.RGBA {
	d := r.newSheetDraw(eng, slides, spec)
	dst := image.NewRGBA(image.Rect(0, 0, d.grid.w, d.grid.h))
	d.band(dst, 0)
	return dst
}

// pngPieceRows is the most rows a piece of the PNG holds: enough that its
// seams cost nothing measurable, few enough that the last band drawn is
// compressed on every core.
const pngPieceRows = 64

// WriteSheet draws the sheet one row of tiles at a time and writes it to
// w as a PNG, compressing bands on every core while the next is drawn.
// The 26-slide sheet of a long post is 2008×3064 pixels: held whole, its
// 24 MB canvas took longer to allocate and clear in a fresh process
// (170 ms on the 2-core build machine) than all its tiles took to draw,
// and compressing it took twice as long as drawing it.
func (r *Renderer) WriteSheet(w io.Writer, eng *layout.Engine, slides []deck.Slide, spec SheetSpec) error {
	d := r.newSheetDraw(eng, slides, spec)
	// The thumbnails' emoji are decoded and scaled on a goroutine of
	// their own while the first bands are drawn, when the compressors
	// have little to do: the painter then finds them made.
	// The heading and the numbers are laid out there first, which
	// is the engine's first shaping in a sheet's process, and the
	// painter draws the first row before the heading, so that it does
	// not wait for them.
	prefetched := make(chan struct{})
	go func() {
		defer close(prefetched)
		stacksize.Reserve()
		d.laidOut()
		d.prefetchEmoji()
	}()
	defer func() { <-prefetched }()
	cuts := d.grid.bands()
	tallest := 0
	for i := 1; i < len(cuts); i++ {
		tallest = max(tallest, cuts[i]-cuts[i-1])
	}
	// Each band is cut into pieces of rows, compressed by whichever
	// worker is free; the last piece to finish frees its band's buffer.
	type work struct {
		band   *image.RGBA
		y0, y1 int
		piece  *pngenc.Piece
		last   bool
		left   *atomic.Int32 // the band's pieces not yet compressed
	}
	// first[i] is the first of band i's pieces (band i runs from cut i-1
	// to cut i); the bands may be drawn out of order.
	first := make([]int, len(cuts)+1)
	for i := 1; i < len(cuts); i++ {
		first[i+1] = first[i] + (max(cuts[i]-cuts[i-1], 0)+pngPieceRows-1)/pngPieceRows
	}
	pieces := make([]pngenc.Piece, first[len(cuts)])
	workers := max(1, runtime.GOMAXPROCS(0))
	// One band buffer is being drawn, the others compressed: as many as
	// there are workers. A third one on two cores was 4 MB more fresh
	// memory, which costs most right after another process freed its
	// own: a sheet made right after its post's cold build took 0.938 to
	// 1.015 times as long with two (five series of 21 to 25 runs in
	// turn, 0.976 on average), and 0.997 times back to back.
	free := make(chan []uint8, workers)
	bandBytes := 4 * d.grid.w * tallest
	for range workers {
		free <- make([]uint8, bandBytes)
	}
	todo := make(chan work, len(pieces))
	done := make(chan struct{}, workers)
	for range workers {
		go func() {
			stacksize.Reserve()
			var e pngenc.Encoder
			for t := range todo {
				*t.piece = e.Compress(t.band, t.y0, t.y1, t.last)
				if t.left.Add(-1) == 0 {
					free <- t.band.Pix[:cap(t.band.Pix)]
				}
			}
			done <- struct{}{}
		}()
	}
	// The painter hands every band over and closes the queue even if a
	// drawing panics, so the workers end either way.
	func() {
		defer close(todo)
		for _, i := range bandOrder(len(cuts)) {
			top, h := cuts[i-1], cuts[i]-cuts[i-1]
			pix := <-free
			if h <= 0 {
				free <- pix
				continue
			}
			band := &image.RGBA{Pix: pix[:4*d.grid.w*h], Stride: 4 * d.grid.w, Rect: image.Rect(0, 0, d.grid.w, h)}
			d.band(band, top)
			left := new(atomic.Int32)
			left.Store(int32((h + pngPieceRows - 1) / pngPieceRows))
			next := first[i]
			for y := 0; y < h; y += pngPieceRows {
				todo <- work{band: band, y0: y, y1: min(y+pngPieceRows, h), piece: &pieces[next], last: next == len(pieces)-1, left: left}
				next++
			}
		}
	}()
	for range workers {
		<-done
	}
	return pngenc.Write(w, d.grid.w, d.grid.h, pieces)
}

// bandOrder is the order the painter draws the bands of n cuts in: the
// first row of tiles (band 2) before the heading (band 1), whose text is
// laid out meanwhile on another core, then the others from the top.
func bandOrder(n int) []int {
	order := make([]int, 0, n-1)
	for i := 1; i < n; i++ {
		order = append(order, i)
	}
	if len(order) > 1 {
		order[0], order[1] = order[1], order[0]
	}
	return order
}

// laidOut lays out the sheet's labels, once, and returns them: on the
// goroutine that prefetches emoji, before the painter needs them, or on
// the painter if it comes first (sync.Once makes the other wait).
func (d *sheetDraw) laidOut() *sheetLabels {
	d.labelsOnce.Do(func() {
		width := float64(d.grid.w - 2*sheetMargin)
		l := &d.labels
		l.title = d.eng.Fit(layout.Spec{
			Box:     layout.Box{X: sheetMargin, Y: sheetMargin, W: width, H: 60},
			Blocks:  []layout.Block{{Spans: []layout.Span{{Text: d.spec.Title, Style: layout.Bold, Color: sheetInk}}, LineHeight: 1.2}},
			MaxSize: 40, MinSize: 22,
		})
		l.sub = d.eng.Fit(layout.Spec{
			Box:     layout.Box{X: sheetMargin, Y: sheetMargin + 66, W: width, H: 40},
			Blocks:  []layout.Block{{Spans: []layout.Span{{Text: d.spec.Subtitle, Color: sheetMuted}}, LineHeight: 1.2}},
			MaxSize: 26, MinSize: 18,
		})
		l.numbers = make([]layout.Result, len(d.slides))
		for i := range l.numbers {
			x, y := d.badgeAt(i)
			l.numbers[i] = d.eng.Fit(layout.Spec{
				Box: layout.Box{X: float64(x), Y: float64(y), W: badgeSize, H: badgeSize},
				Blocks: []layout.Block{{Spans: []layout.Span{{Text: strconv.Itoa(i + 1), Style: layout.Bold, Color: color.RGBA{0xff, 0xff, 0xff, 0xff}}},
					Align: layout.Center, LineHeight: 1}},
				MaxSize: 22, MinSize: 14, VAlign: layout.Middle,
			})
		}
	})
	return &d.labels
}

// band draws the part of the sheet from top down onto dst: the heading,
// the tiles and the numbers that reach into it. The numbers come after
// all the tiles (a badge covers only its own tile's corner and the gaps
// around it, so the pixels are as if each came after its tile).
func (d *sheetDraw) band(dst *image.RGBA, top int) {
	f := newFrame(gg.NewContextForRGBA(dst), dst, 1, 0, float64(-top))
	d.paper(dst, top)
	if top == 0 {
		d.heading(f) // it ends above the first row's band
	}
	area := dst.Rect.Add(image.Pt(0, top))
	for i, s := range d.slides {
		c := d.grid.cell(i)
		if c.Inset(-1).Overlaps(area) {
			rule(dst, c.Inset(-1).Sub(image.Pt(0, top)), fitInside(c, image.Rect(0, 0, s.W, s.H)).Sub(image.Pt(0, top)))
			d.thumbnail(dst, top, s, c)
		}
	}
	for i := range d.slides {
		if bx, by := d.badgeAt(i); image.Rect(bx, by, bx+badgeSize, by+badgeSize).Overlaps(area) {
			d.badge(f, i)
		}
	}
}

// badgeAt is the top-left of slide i's number: on the tile's corner, in
// the slide's margin, where it hides no text.
func (d *sheetDraw) badgeAt(i int) (x, y int) {
	c := d.grid.cell(i)
	return c.Min.X - badgeSize/3, c.Min.Y - badgeSize/3
}

// paper fills dst, the part of the sheet from top down, with paper but
// where thumbnails are copied over it whole: they cover two thirds of a
// band, which clearing all of it filled for nothing.
func (d *sheetDraw) paper(dst *image.RGBA, top int) {
	var tiles []image.Rectangle
	for i, s := range d.slides {
		in := fitInside(d.grid.cell(i), image.Rect(0, 0, s.W, s.H)).Sub(image.Pt(0, top)).Intersect(dst.Rect)
		if !in.Empty() {
			tiles = append(tiles, in)
		}
	}
	slices.SortFunc(tiles, func(a, b image.Rectangle) int { return a.Min.X - b.Min.X })
	w := dst.Rect.Dx()
	row := make([]byte, 4*w)
	for x := 0; x < w; x++ {
		copy(row[4*x:], []byte{sheetPaper.R, sheetPaper.G, sheetPaper.B, sheetPaper.A})
	}
	for y := dst.Rect.Min.Y; y < dst.Rect.Max.Y; y++ {
		pix := dst.Pix[dst.PixOffset(dst.Rect.Min.X, y):][:4*w]
		x := dst.Rect.Min.X
		for _, t := range tiles {
			if y < t.Min.Y || y >= t.Max.Y {
				continue
			}
			if t.Min.X > x {
				copy(pix[4*(x-dst.Rect.Min.X):4*(t.Min.X-dst.Rect.Min.X)], row)
			}
			x = max(x, t.Max.X)
		}
		copy(pix[4*(x-dst.Rect.Min.X):], row)
	}
}

// rule fills a cell and its one-pixel border, outer, with the rule's
// colour but for the thumbnail's pixels, tile, which are copied over it
// whole: filling all of it wrote a tile's worth of pixels for nothing.
func rule(dst *image.RGBA, outer, tile image.Rectangle) {
	tile = tile.Intersect(outer)
	for _, r := range []image.Rectangle{
		{outer.Min, image.Pt(outer.Max.X, tile.Min.Y)},                        // above
		{image.Pt(outer.Min.X, tile.Max.Y), outer.Max},                        // below
		{image.Pt(outer.Min.X, tile.Min.Y), image.Pt(tile.Min.X, tile.Max.Y)}, // left
		{image.Pt(tile.Max.X, tile.Min.Y), image.Pt(outer.Max.X, tile.Max.Y)}, // right
	} {
		draw.Draw(dst, r.Intersect(dst.Rect), image.NewUniform(sheetRule), image.Point{}, draw.Src)
	}
}

// prefetchEmoji makes the bitmap of every emoji the thumbnails show, at
// the size they show it, into the renderer's shared bitmaps. It reads the
// fonts through faces of its own: a face's caches are not safe for
// concurrent use.
func (d *sheetDraw) prefetchEmoji() {
	c := newGlyphCache(&d.r.shared.masks, &d.r.shared.bitmaps)
	faces := map[*font.Font]*font.Face{}
	for i, s := range d.slides {
		k := float64(fitInside(d.grid.cell(i), image.Rect(0, 0, s.W, s.H)).Dx()) / float64(max(s.W, 1))
		for _, l := range s.Layers {
			if l.Kind != deck.TextLayer {
				continue
			}
			for _, line := range l.Text.Lines {
				for _, run := range line.Runs {
					if !run.Emoji || run.Face == nil {
						continue
					}
					face := faces[run.Face.Font]
					if face == nil {
						face = font.NewFace(run.Face.Font)
						faces[run.Face.Font] = face
					}
					for _, g := range run.Glyphs {
						c.emoji(face, g.ID, run.Size*k)
					}
				}
			}
		}
	}
}

// thumbnail draws slide s into its cell on a canvas of the thumbnail's
// size, so shapes that run off the slide stay off the sheet.
func (d *sheetDraw) thumbnail(dst *image.RGBA, top int, s deck.Slide, cell image.Rectangle) {
	in := fitInside(cell, image.Rect(0, 0, s.W, s.H))
	d.tile = d.tile.reuse(in.Dx(), in.Dy())
	d.r.paint(newFrame(d.tile.ctx, d.tile.img, float64(in.Dx())/float64(max(s.W, 1)), 0, 0), s)
	draw.Draw(dst, in.Sub(image.Pt(0, top)), d.tile.img, image.Point{}, draw.Src)
}

// fitInside centres a rectangle of src's shape in cell, as large as fits.
func fitInside(cell, src image.Rectangle) image.Rectangle {
	cw, ch := cell.Dx(), cell.Dy()
	sw, sh := max(src.Dx(), 1), max(src.Dy(), 1)
	w, h := cw, sh*cw/sw
	if h > ch {
		w, h = sw*ch/sh, ch
	}
	x, y := cell.Min.X+(cw-w)/2, cell.Min.Y+(ch-h)/2
	return image.Rect(x, y, x+w, y+h)
}

// heading draws the post's title and the line under it.
func (d *sheetDraw) heading(f *frame) {
	l := d.laidOut()
	// Text that does not fit even small is cut: the heading is a label,
	// the slides below carry the content.
	for _, res := range []layout.Result{l.title, l.sub} {
		if len(res.Pages) > 0 {
			d.r.drawPage(f, res.Pages[0])
		}
	}
}

// badge draws slide i's number in a dark disc.
func (d *sheetDraw) badge(f *frame, i int) {
	x, y := d.badgeAt(i)
	f.ellipse(deck.Solid(badgeFill), float64(x), float64(y), badgeSize, badgeSize, 0)
	if num := d.laidOut().numbers[i]; len(num.Pages) > 0 {
		d.r.drawPage(f, num.Pages[0])
	}
}
