package render

import (
	"bytes"
	"testing"

	"github.com/pkpm-btn3/pkpm/internal/theme"
)

// Sizes that fall in one 1/64 px step share a cached mask. Whichever of
// them is drawn first, the mask must be the same, or a slide's pixels
// would depend on which post a worker happened to draw before it.
func TestGlyphMaskDoesNotDependOnWhatCameFirst(t *testing.T) {
	fonts, err := theme.Fonts()
	if err != nil {
		t.Fatal(err)
	}
	face := fonts.Regular
	gid, ok := face.NominalGlyph('K')
	if !ok {
		t.Fatal("no K in the regular face")
	}
	var size, near = 38.115, 38.1249 // one 1/64 px step: 2439.36 and 2439.99
	if int32(size*64) != int32(near*64) {
		t.Fatalf("%v and %v should share a 1/64 px step", size, near)
	}
	fresh := newGlyphCache().outlineMask(face, gid, size, 0.3, 0.6)
	warm := newGlyphCache()
	warm.outlineMask(face, gid, near, 0.3, 0.6)
	got := warm.outlineMask(face, gid, size, 0.3, 0.6)
	if got.offset != fresh.offset || !bytes.Equal(got.img.Pix, fresh.img.Pix) {
		t.Fatalf("the mask of %v px differs when %v px was drawn first", size, near)
	}
}
