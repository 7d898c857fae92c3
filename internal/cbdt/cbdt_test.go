package cbdt

import (
	"bytes"
	"encoding/binary"
	"strings"
	"testing"

	"github.com/go-text/typesetting/font"

	"github.com/pkpm-btn3/pkpm/assets"
)

// The bitmaps and their placement read in place are those the font
// parser reads from the whole font, and the stripped font maps the same
// characters to the same glyphs with the same advances.
func TestMatchesTheFontParser(t *testing.T) {
	data := assets.NotoColorEmoji
	whole, err := font.ParseTTF(strings.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	s, err := Open(data)
	if err != nil {
		t.Fatal(err)
	}
	rest, err := Without(data, Bitmaps...)
	if err != nil {
		t.Fatal(err)
	}
	if len(rest) > len(data)/20 {
		t.Errorf("stripped font is %d bytes of %d", len(rest), len(data))
	}
	stripped, err := font.ParseTTF(bytes.NewReader(rest))
	if err != nil {
		t.Fatalf("the stripped font does not parse: %v", err)
	}
	upem := float32(whole.Upem())
	checked := 0
	for _, r := range "😷🧼❤💬🔖📤👍🏽🇮🇩0#©✅" {
		gid, ok := whole.NominalGlyph(r)
		if g2, ok2 := stripped.NominalGlyph(r); ok != ok2 || gid != g2 {
			t.Errorf("%q: glyph %d %v in the whole font, %d %v stripped", r, gid, ok, g2, ok2)
		}
		if whole.HorizontalAdvance(gid) != stripped.HorizontalAdvance(gid) {
			t.Errorf("%q: advances differ", r)
		}
		want, ok := whole.GlyphDataBitmap(gid)
		got, ok2 := s.Glyph(int(gid))
		if ok != ok2 {
			t.Errorf("%q: bitmap %v from the parser, %v here", r, ok, ok2)
			continue
		}
		if !ok {
			continue
		}
		checked++
		if got.PNG != string(want.Data) {
			t.Errorf("%q: PNG data differs", r)
		}
		ext, _ := whole.GlyphExtents(gid)
		xs, ys := upem/float32(s.PpemX), upem/float32(s.PpemY)
		if float32(got.BearingX)*xs != ext.XBearing || float32(got.BearingY)*ys != ext.YBearing ||
			float32(got.Width)*xs != ext.Width || -float32(got.Height)*ys != ext.Height {
			t.Errorf("%q: %+v at %d ppem, parser's extents %+v", r, got, s.PpemX, ext)
		}
	}
	if checked < 10 {
		t.Errorf("only %d emoji had bitmaps", checked)
	}
	for gid := 0; gid < 4000; gid += 37 { // every index subtable
		want, ok := whole.GlyphDataBitmap(font.GID(gid))
		got, ok2 := s.Glyph(gid)
		if ok != ok2 || ok && got.PNG != string(want.Data) {
			t.Errorf("glyph %d: %v here, %v from the parser, or other data", gid, ok2, ok)
		}
	}
}

// A font without colour bitmaps, or a broken one, is an error, never a
// panic; so is anything past the end of the data.
func TestOpenRefusesOtherFonts(t *testing.T) {
	for name, data := range map[string]string{
		"text font": assets.InterRegular,
		"empty":     "",
		"truncated": assets.NotoColorEmoji[:5000],
	} {
		if _, err := Open(data); err == nil {
			t.Errorf("%s: opened", name)
		}
	}
}

// miniFont is a font of the emoji font's CBLC index and the first 40 KB
// of its CBDT data: small enough to fuzz, whole enough that Open reads
// it and its first glyphs have bitmaps.
func miniFont(t testing.TB) []byte {
	ts, err := tables(assets.NotoColorEmoji)
	if err != nil {
		t.Fatal(err)
	}
	cblc, cbdt := ts["CBLC"], ts["CBDT"]
	parts := []struct {
		tag  string
		data string
	}{
		{"CBDT", assets.NotoColorEmoji[cbdt[0] : cbdt[0]+40<<10]},
		{"CBLC", assets.NotoColorEmoji[cblc[0] : cblc[0]+cblc[1]]},
	}
	out := []byte{0, 1, 0, 0, 0, byte(len(parts)), 0, 0, 0, 0, 0, 0}
	off := 12 + 16*len(parts)
	var body []byte
	for _, p := range parts {
		out = append(out, p.tag...)
		out = binary.BigEndian.AppendUint32(out, 0)
		out = binary.BigEndian.AppendUint32(out, uint32(off+len(body)))
		out = binary.BigEndian.AppendUint32(out, uint32(len(p.data)))
		body = append(body, p.data...)
	}
	return append(out, body...)
}

// The small font opens, draws its first glyphs and refuses the rest.
func TestMiniFont(t *testing.T) {
	s, err := Open(string(miniFont(t)))
	if err != nil {
		t.Fatal(err)
	}
	found := 0
	for gid := range 4000 {
		if _, ok := s.Glyph(gid); ok {
			found++
		}
	}
	if found == 0 || found > 400 {
		t.Errorf("%d glyphs found in 40 KB of bitmaps", found)
	}
}

func FuzzOpen(f *testing.F) {
	f.Add(miniFont(f), 5)
	f.Add([]byte(assets.NotoColorEmoji[:300]), 5)
	f.Add([]byte{0, 1, 0, 0, 0, 2}, 0)
	f.Fuzz(func(t *testing.T, data []byte, gid int) {
		if s, err := Open(string(data)); err == nil {
			s.Glyph(gid)
			s.Glyph(gid + 1)
		}
		_, _ = Without(string(data), Bitmaps...)
	})
}
