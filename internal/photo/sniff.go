package photo

import (
	"bytes"
	"fmt"
)

// UnsupportedError is an image in a format pkpm does not read but can
// name, so the message can say how to get a JPEG. It is an ErrFormat.
type UnsupportedError struct {
	Kind string // "heic", "avif", "svg", "gif", "tiff", "bmp", "pdf"
}

func (e *UnsupportedError) Error() string {
	return fmt.Sprintf("a %s file, not a JPEG, PNG or WebP image", e.Kind)
}

func (e *UnsupportedError) Is(target error) bool { return target == ErrFormat }

// sniff names the format of data by its first bytes, whatever the file is
// called: an iPhone photo renamed to .jpg is still HEIC. It returns "" for
// data it does not know.
func sniff(data []byte) string {
	if kind := isoBrand(data); kind != "" {
		return kind
	}
	for _, m := range []struct {
		prefix string
		kind   string
	}{
		{"GIF87a", "gif"}, {"GIF89a", "gif"}, {"II*\x00", "tiff"}, {"MM\x00*", "tiff"}, {"BM", "bmp"}, {"%PDF-", "pdf"},
	} {
		if bytes.HasPrefix(data, []byte(m.prefix)) {
			return m.kind
		}
	}
	if isSVG(data) {
		return "svg"
	}
	return ""
}

// isoBrand reads the "ftyp" box HEIF and AVIF files start with (ISO/IEC
// 14496-12): its major brand, then compatible brands.
func isoBrand(data []byte) string {
	if len(data) < 16 || string(data[4:8]) != "ftyp" {
		return ""
	}
	size := int(data[0])<<24 | int(data[1])<<16 | int(data[2])<<8 | int(data[3])
	if size < 16 || size > len(data) {
		size = min(len(data), 64)
	}
	kind := ""
	for i := 8; i+4 <= size; i += 4 {
		if i == 12 {
			continue // the minor version, not a brand
		}
		switch string(data[i : i+4]) {
		case "avif", "avis":
			return "avif"
		case "heic", "heix", "hevc", "hevx", "heim", "heis", "hevm", "hevs", "mif1", "msf1":
			kind = "heic"
		}
	}
	return kind
}

// isSVG looks for an <svg element near the start of what reads as XML.
func isSVG(data []byte) bool {
	head := bytes.TrimPrefix(data[:min(len(data), 4096)], []byte("\xef\xbb\xbf"))
	head = bytes.TrimSpace(head)
	if !bytes.HasPrefix(head, []byte("<")) {
		return false
	}
	return bytes.Contains(bytes.ToLower(head), []byte("<svg"))
}
