package render

import (
	"bytes"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
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
func Encode(img image.Image, f Format) ([]byte, error) {
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
