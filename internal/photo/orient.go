package photo

import (
	"encoding/binary"
	"image"
)

// orientation reads the EXIF Orientation tag (0x0112) from IFD0 of a
// TIFF-structured EXIF block: 1 (as stored) to 8. Anything unreadable is 1.
func orientation(tiff []byte) int {
	if len(tiff) < 8 {
		return 1
	}
	var bo binary.ByteOrder
	switch string(tiff[:4]) {
	case "II*\x00":
		bo = binary.LittleEndian
	case "MM\x00*":
		bo = binary.BigEndian
	default:
		return 1
	}
	ifd := int(bo.Uint32(tiff[4:]))
	if ifd < 8 || ifd+2 > len(tiff) {
		return 1
	}
	n := int(bo.Uint16(tiff[ifd:]))
	for e := 0; e < n; e++ {
		at := ifd + 2 + e*12
		if at+12 > len(tiff) {
			return 1
		}
		if bo.Uint16(tiff[at:]) != 0x0112 || bo.Uint16(tiff[at+2:]) != 3 {
			continue
		}
		if v := int(bo.Uint16(tiff[at+8:])); v >= 1 && v <= 8 {
			return v
		}
		return 1
	}
	return 1
}

// orient turns stored pixels the way the camera was held: the eight EXIF
// orientations are the identity, three rotations and four mirrorings.
func orient(src *image.RGBA, o int) *image.RGBA {
	w, h := src.Bounds().Dx(), src.Bounds().Dy()
	dw, dh := w, h
	if o >= 5 {
		dw, dh = h, w
	}
	// from maps a destination pixel to the source pixel it shows.
	from := map[int]func(x, y int) (int, int){
		2: func(x, y int) (int, int) { return w - 1 - x, y },
		3: func(x, y int) (int, int) { return w - 1 - x, h - 1 - y },
		4: func(x, y int) (int, int) { return x, h - 1 - y },
		5: func(x, y int) (int, int) { return y, x },
		6: func(x, y int) (int, int) { return y, h - 1 - x },
		7: func(x, y int) (int, int) { return w - 1 - y, h - 1 - x },
		8: func(x, y int) (int, int) { return w - 1 - y, x },
	}[o]
	if from == nil {
		return src
	}
	dst := image.NewRGBA(image.Rect(0, 0, dw, dh))
	for y := 0; y < dh; y++ {
		row := dst.Pix[y*dst.Stride:]
		for x := 0; x < dw; x++ {
			sx, sy := from(x, y)
			s := src.Pix[sy*src.Stride+sx*4:]
			copy(row[x*4:x*4+4], s[:4])
		}
	}
	return dst
}
