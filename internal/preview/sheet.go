package preview

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/pkpm-btn3/pkpm/internal/atomicfile"
	"github.com/pkpm-btn3/pkpm/internal/build"
	"github.com/pkpm-btn3/pkpm/internal/config"
	"github.com/pkpm-btn3/pkpm/internal/deck"
	"github.com/pkpm-btn3/pkpm/internal/diag"
	"github.com/pkpm-btn3/pkpm/internal/layout"
	"github.com/pkpm-btn3/pkpm/internal/render"
	"github.com/pkpm-btn3/pkpm/internal/tanggal"
	"github.com/pkpm-btn3/pkpm/internal/theme"
)

// MaxSheetBytes is the most a contact sheet may weigh, so it goes through
// chat apps without being refused or squashed.
const MaxSheetBytes = 2_000_000

// sheetLimit is MaxSheetBytes, lowered by tests.
var sheetLimit = MaxSheetBytes

// sheetWidths are the thumbnail widths tried, largest first, until the
// sheet fits MaxSheetBytes.
var sheetWidths = []int{360, 300, 240, 180, 120}

// SheetOptions say which post to put on a contact sheet, and where.
type SheetOptions struct {
	Root    string
	Project config.Project
	Post    string // post file, relative to Root
	Out     string // folder for the sheet; "" means dist/sheets in Root
}

// SheetResult is a written contact sheet.
type SheetResult struct {
	Path   string
	Slug   string
	Slides int
	Bytes  int
	Diags  []diag.Diagnostic // the build's warnings, or why it failed
}

// WriteSheet composes one post, or takes its composed slides from a
// build of it in dist/ that is up to date, and writes all its slides,
// numbered, on one PNG: <out>/<slug>.png, replaced atomically.
func WriteSheet(ctx context.Context, o SheetOptions) (SheetResult, error) {
	results, err := build.Run(ctx, build.Options{Root: o.Root, Project: o.Project, Posts: []string{o.Post}, Out: filepath.Join(o.Root, "dist"),
		Format: render.JPEG, DryRun: true, Inspect: true, ComposeOnly: true})
	if err != nil {
		return SheetResult{}, err
	}
	r := results[0]
	res := SheetResult{Slug: r.Slug, Diags: r.Diags}
	if r.Err != nil {
		return res, r.Err
	}
	slides := r.Deck
	data, err := drawSheet(ctx, slides, sheetSpec(o.Project, r, len(slides)))
	if err != nil {
		return res, err
	}
	out := o.Out
	if out == "" {
		out = filepath.Join(o.Root, "dist", "sheets")
	}
	res.Path = filepath.Join(out, r.Slug+".png")
	res.Slides, res.Bytes = len(slides), len(data)
	return res, atomicfile.WriteFile(res.Path, data)
}

func sheetSpec(p config.Project, r build.PostResult, n int) render.SheetSpec {
	title := r.Manifest.Title
	parts := []string{p.Handle, fmt.Sprintf("%d slides", n)}
	if a := r.Article; a != nil {
		if !a.Meta.Date.IsZero() {
			parts = append(parts, tanggal.DateTime(a.Meta.Date))
		}
		parts = append(parts, a.Meta.Status)
	}
	return render.SheetSpec{Title: title, Subtitle: strings.Join(parts, " · "), Columns: sheetColumns(n)}
}

// sheetColumns keeps a sheet about as wide as it is tall or wider, the
// shape a phone shows whole in a chat.
func sheetColumns(n int) int {
	switch {
	case n <= 4:
		return n
	case n <= 6:
		return 3
	case n <= 8:
		return 4
	}
	return 5
}

// drawSheet draws the sheet at the largest thumbnail size that keeps the
// PNG under MaxSheetBytes.
func drawSheet(ctx context.Context, slides []deck.Slide, spec render.SheetSpec) ([]byte, error) {
	fonts, err := theme.Fonts()
	if err != nil {
		return nil, err
	}
	eng := layout.New(fonts.Clone())
	r := render.New()
	var buf bytes.Buffer
	for _, w := range sheetWidths {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		spec.TileW = w
		buf.Reset()
		if err := r.WriteSheet(&buf, eng, slides, spec); err != nil {
			return nil, err
		}
		if buf.Len() <= sheetLimit {
			return buf.Bytes(), nil
		}
	}
	return nil, fmt.Errorf("the contact sheet is %d bytes even with small thumbnails, over %d", buf.Len(), sheetLimit)
}
