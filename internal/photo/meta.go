package photo

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"io"
)

// meta is what a file says about its pixels besides the pixels: the EXIF
// block (TIFF-structured) and the ICC profile, either nil when absent.
type meta struct {
	exif, icc []byte
}

// maxProfile bounds a decompressed ICC profile; real ones are a few kB,
// large ones under a megabyte.
const maxProfile = 4 << 20

func readMeta(format string, data []byte) meta {
	switch format {
	case "jpeg":
		return jpegMeta(data)
	case "png":
		return pngMeta(data)
	case "webp":
		return webpMeta(data)
	}
	return meta{}
}

// jpegMeta walks the marker segments before the image data: APP1 holds
// EXIF, APP2 holds the ICC profile, possibly split over several segments.
func jpegMeta(data []byte) meta {
	var m meta
	chunks := map[byte][]byte{}
	i := 2 // after SOI
	for i+4 <= len(data) {
		if data[i] != 0xFF {
			break
		}
		marker := data[i+1]
		if marker == 0xFF { // fill byte
			i++
			continue
		}
		if marker == 0xDA || marker == 0xD9 { // start of scan, end of image
			break
		}
		n := int(binary.BigEndian.Uint16(data[i+2:]))
		if n < 2 || i+2+n > len(data) {
			break
		}
		seg := data[i+4 : i+2+n]
		switch {
		case marker == 0xE1 && bytes.HasPrefix(seg, []byte("Exif\x00\x00")) && m.exif == nil:
			m.exif = seg[6:]
		case marker == 0xE2 && bytes.HasPrefix(seg, []byte("ICC_PROFILE\x00")) && len(seg) > 14:
			chunks[seg[12]] = seg[14:]
		}
		i += 2 + n
	}
	if len(chunks) > 0 {
		var icc []byte
		for seq := 1; seq <= 255; seq++ {
			c, ok := chunks[byte(seq)]
			if !ok {
				break
			}
			icc = append(icc, c...)
		}
		m.icc = icc
	}
	return m
}

func pngMeta(data []byte) meta {
	var m meta
	i := 8
	for i+8 <= len(data) {
		n := int(binary.BigEndian.Uint32(data[i:]))
		typ := string(data[i+4 : i+8])
		if n < 0 || i+12+n > len(data) {
			break
		}
		body := data[i+8 : i+8+n]
		switch typ {
		case "eXIf":
			m.exif = body
		case "iCCP":
			if z := bytes.IndexByte(body, 0); z >= 0 && z+2 <= len(body) {
				if r, err := zlib.NewReader(bytes.NewReader(body[z+2:])); err == nil {
					icc, err := io.ReadAll(io.LimitReader(r, maxProfile))
					if err == nil {
						m.icc = icc
					}
				}
			}
		case "IEND":
			return m
		}
		i += 12 + n
	}
	return m
}

func webpMeta(data []byte) meta {
	var m meta
	if len(data) < 12 || string(data[:4]) != "RIFF" || string(data[8:12]) != "WEBP" {
		return m
	}
	i := 12
	for i+8 <= len(data) {
		typ := string(data[i : i+4])
		n := int(binary.LittleEndian.Uint32(data[i+4:]))
		if n < 0 || i+8+n > len(data) {
			break
		}
		body := data[i+8 : i+8+n]
		switch typ {
		case "ICCP":
			m.icc = body
		case "EXIF":
			m.exif = bytes.TrimPrefix(body, []byte("Exif\x00\x00"))
		}
		i += 8 + n + n&1
	}
	return m
}
