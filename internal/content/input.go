package content

import (
	"bytes"
	"unicode/utf8"

	"github.com/pkpm-btn3/pkpm/internal/diag"
)

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// normalize drops a BOM and turns CRLF and lone CR into LF. Each line
// ending stays one '\n', so line numbers keep matching the original file.
func normalize(file string, src []byte) ([]byte, error) {
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

// lineIndex maps byte offsets of a normalised text to file lines.
type lineIndex struct {
	starts []int // offset of each line start
	first  int   // file line of the text's first line
}

func newLineIndex(text []byte, first int) lineIndex {
	starts := []int{0}
	for i, c := range text {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return lineIndex{starts: starts, first: first}
}

// line returns the file line holding offset off.
func (x lineIndex) line(off int) int {
	lo, hi := 0, len(x.starts)
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if x.starts[mid] <= off {
			lo = mid
		} else {
			hi = mid
		}
	}
	return x.first + lo
}

// lineText returns file line n of the text without its '\n', and whether
// the text holds that line.
func (x lineIndex) lineText(text []byte, n int) ([]byte, bool) {
	i := n - x.first
	if i < 0 || i >= len(x.starts) {
		return nil, false
	}
	end := len(text)
	if i+1 < len(x.starts) {
		end = x.starts[i+1] - 1
	}
	return text[x.starts[i]:end], true
}

func isBlank(b []byte) bool {
	return len(bytes.TrimSpace(b)) == 0
}
