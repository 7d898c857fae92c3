package content

import (
	"bytes"

	"github.com/pkpm-btn3/pkpm/internal/yamlfile"
)

// utf8BOM is the mark some editors put before UTF-8 text; edits keep it.
var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// normalize drops a BOM and turns CRLF and lone CR into LF; see
// yamlfile.Normalize.
func normalize(file string, src []byte) ([]byte, error) { return yamlfile.Normalize(file, src) }

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
