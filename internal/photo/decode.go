package photo

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/draw"
	_ "image/jpeg" // registered formats
	_ "image/png"

	_ "golang.org/x/image/webp"
)

// MaxPixels is the largest image accepted, by its declared size: larger
// ones would take gigabytes to decode.
const MaxPixels = 50_000_000

// WorkingSide is the shorter side a photo is scaled down to when it is much
// larger: the tallest canvas is 1350 pixels, so a photo this size fills any
// slide without being enlarged.
const WorkingSide = 1350

// Info says what was read.
type Info struct {
	Format        string // "jpeg", "png" or "webp"
	Width, Height int    // as stored, before orientation
	Orientation   int    // EXIF orientation, 1 when none
	Profile       string // "" for sRGB or no profile; else what was converted
}

// TooLargeError is an image over MaxPixels.
type TooLargeError struct{ Width, Height int }

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("%d×%d pixels is over the %d-megapixel limit", e.Width, e.Height, MaxPixels/1_000_000)
}

// ErrFormat is data that is not a JPEG, PNG or WebP image.
var ErrFormat = errors.New("not a JPEG, PNG or WebP image")

// DamagedError is an image whose header reads but whose pixels do not.
type DamagedError struct {
	Format string
	Err    error
}

func (e *DamagedError) Error() string { return fmt.Sprintf("%s data is damaged: %v", e.Format, e.Err) }

// Decode reads an image into sRGB pixels the right way up. When its
// shorter side is more than half again maxSide, it is scaled down so that
// side is maxSide; maxSide <= 0 keeps the full size.
func Decode(data []byte, maxSide int) (*image.RGBA, Info, error) {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || format != "jpeg" && format != "png" && format != "webp" {
		if kind := sniff(data); kind != "" {
			return nil, Info{}, &UnsupportedError{Kind: kind}
		}
		return nil, Info{}, ErrFormat
	}
	info := Info{Format: format, Width: cfg.Width, Height: cfg.Height, Orientation: 1}
	if int64(cfg.Width)*int64(cfg.Height) > MaxPixels {
		return nil, info, &TooLargeError{cfg.Width, cfg.Height}
	}
	src, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, info, &DamagedError{format, err}
	}
	// A PNG with transparency (a logo) decodes to NRGBA, premultiplied
	// where it is: nothing else holds the decoder's pixels.
	var img *image.RGBA
	if m, ok := src.(*image.NRGBA); ok && m.Rect.Min == (image.Point{}) {
		img = premultiply(m)
	} else {
		img = toRGBA(src)
	}
	// Scaling first leaves fewer pixels to convert and turn.
	if maxSide > 0 {
		img = shrink(img, maxSide)
	}
	meta := readMeta(format, data)
	if meta.icc != nil {
		if tr, name, ok := parseICC(meta.icc); ok {
			tr.apply(img)
			info.Profile = name
		}
	}
	if o := orientation(meta.exif); o > 1 {
		info.Orientation = o
		img = orient(img, o)
	}
	return img, info, nil
}

// toRGBA converts any decoded image to RGBA at the origin; draw has fast
// paths for the YCbCr and paletted images decoders return.
func toRGBA(src image.Image) *image.RGBA {
	if m, ok := src.(*image.RGBA); ok && m.Bounds().Min == (image.Point{}) {
		return m
	}
	b := src.Bounds()
	dst := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(dst, dst.Bounds(), src, b.Min, draw.Src)
	return dst
}

// premultiply turns m's pixels into premultiplied ones where they are,
// with image/draw's arithmetic (the same bytes as drawing m onto a new
// RGBA), and returns them as an RGBA: a 512-pixel logo took 1 MB of
// fresh memory and a copy more. Opaque and clear pixels, most of a
// logo's, stay as they are or become zero.
func premultiply(m *image.NRGBA) *image.RGBA {
	w := 4 * m.Rect.Dx()
	for y := range m.Rect.Dy() {
		row := m.Pix[y*m.Stride : y*m.Stride+w]
		for i := 0; i+4 <= len(row); i += 4 {
			p := row[i : i+4 : i+4]
			switch p[3] {
			case 0xff:
			case 0:
				p[0], p[1], p[2] = 0, 0, 0
			default:
				a := uint32(p[3]) * 0x101
				p[0] = uint8(uint32(p[0]) * a / 0xff >> 8)
				p[1] = uint8(uint32(p[1]) * a / 0xff >> 8)
				p[2] = uint8(uint32(p[2]) * a / 0xff >> 8)
			}
		}
	}
	return &image.RGBA{Pix: m.Pix, Stride: m.Stride, Rect: m.Rect}
}
