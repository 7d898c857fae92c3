package render

import (
	"bytes"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"

	"github.com/pkpm-btn3/pkpm/internal/jpegenc"
)

// Format is an output image format.
type Format string

const (
	JPEG Format = "jpeg"
	PNG  Format = "png"
)

// Ext is the file extension for the format.
func (f Format) Ext() string {
	if f == PNG {
		return ".png"
	}
	return ".jpg"
}

// ParseFormat accepts the names a user may type.
func ParseFormat(s string) (Format, error) {
	switch s {
	case "jpeg", "jpg", "":
		return JPEG, nil
	case "png":
		return PNG, nil
	}
	return "", fmt.Errorf("unknown format %q; use `jpeg` or `png`", s)
}

// jpegQuality keeps flat brand colours and small text free of visible
// artefacts after Instagram recompresses the upload.
const jpegQuality = 92

// Encode writes an image in a format. Both encoders are deterministic and
// write no metadata, so the same pixels give the same bytes. The canvas is
// sRGB by construction (all colours and decoded photos are sRGB values);
// a JPEG without an embedded profile is read as sRGB by Instagram.
//
// Canvases (*image.RGBA) go through jpegenc, which writes the same kind
// of file as image/jpeg at the same quality in about a third of the
// time on a slide (BenchmarkEncodeJPEG against BenchmarkStandardJPEG:
// 5.2–6.3 ms and 19 ms); anything else through image/jpeg.
func Encode(img image.Image, f Format) ([]byte, error) {
	if rgba, ok := img.(*image.RGBA); ok && f != PNG {
		return jpegenc.Encode(make([]byte, 0, len(rgba.Pix)/8), rgba, jpegQuality), nil
	}
	var buf bytes.Buffer
	var err error
	if f == PNG {
		enc := png.Encoder{CompressionLevel: png.BestSpeed}
		err = enc.Encode(&buf, img)
	} else {
		err = jpeg.Encode(&buf, img, &jpeg.Options{Quality: jpegQuality})
	}
	return buf.Bytes(), err
}

// EncodeTemp encodes like Encode into the renderer's own buffer and
// returns it. The bytes are overwritten by the renderer's next
// EncodeTemp: write them out or copy them before then. A build encodes
// every slide into one buffer instead of growing a new one each time.
func (r *Renderer) EncodeTemp(img image.Image, f Format) ([]byte, error) {
	rgba, ok := img.(*image.RGBA)
	if !ok || f == PNG {
		return Encode(img, f)
	}
	if r.encoded == nil {
		// Room for a busy slide from the start: growing the buffer by
		// doubling copied it and took fresh pages four or five times.
		r.encoded = make([]byte, 0, len(rgba.Pix)/8)
	}
	r.encoded = jpegenc.Encode(r.encoded[:0], rgba, jpegQuality)
	return r.encoded, nil
}
