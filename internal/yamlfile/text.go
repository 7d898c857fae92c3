package yamlfile

import (
	"bytes"
	"unicode/utf8"

	"github.com/pkpm-btn3/pkpm/internal/diag"
)

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// Normalize drops a UTF-8 BOM and turns CRLF and lone CR into LF, so that
// each line ending is one '\n' and line numbers match what editors show.
// Text that is not UTF-8 is an error at the line of its first bad byte.
func Normalize(file string, src []byte) ([]byte, error) {
	src = bytes.TrimPrefix(src, utf8BOM)
	if i := firstInvalidUTF8(src); i >= 0 {
		return nil, diag.Errorf(file, lineAt(src, i),
			"invalid UTF-8 (byte 0x%02x); save the file as UTF-8", src[i])
	}
	if bytes.IndexByte(src, '\r') < 0 {
		return src, nil
	}
	out := make([]byte, 0, len(src))
	for i := 0; i < len(src); i++ {
		c := src[i]
		if c == '\r' {
			if i+1 < len(src) && src[i+1] == '\n' {
				continue
			}
			c = '\n'
		}
		out = append(out, c)
	}
	return out, nil
}

// firstInvalidUTF8 returns the offset of the first byte that is not part
// of valid UTF-8, or -1.
func firstInvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return -1
}

// lineAt is the 1-based line of offset off, counting "\r\n", "\r" and "\n"
// each as one line ending.
func lineAt(b []byte, off int) int {
	line := 1
	for i := 0; i < off && i < len(b); i++ {
		switch b[i] {
		case '\n':
			line++
		case '\r':
			if i+1 >= len(b) || b[i+1] != '\n' {
				line++
			}
		}
	}
	return line
}
