package render

import (
	"bytes"
	"image"
	"image/jpeg"

	xdraw "golang.org/x/image/draw"
)

// Thumbnail decodes an encoded slide and returns a small JPEG of it, width
// pixels wide, for pages that must carry their images inline.
func Thumbnail(data []byte, width int) ([]byte, error) {
	src, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	b := src.Bounds()
	h := b.Dy() * width / max(b.Dx(), 1)
	dst := image.NewRGBA(image.Rect(0, 0, width, max(h, 1)))
	xdraw.CatmullRom.Scale(dst, dst.Bounds(), src, b, xdraw.Src, nil)
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, dst, &jpeg.Options{Quality: 80}); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
