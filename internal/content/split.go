package content

import (
	"bytes"

	"github.com/pkpm-btn3/pkpm/internal/diag"
)

// split is a post file cut into its front matter and its body.
type split struct {
	open, close int    // file lines of the two "---" delimiters
	yaml        []byte // the lines between them
	body        []byte // everything after the closing delimiter
}

// splitFrontMatter cuts a normalised file. Blank lines before the opening
// delimiter are tolerated: they are invisible in an editor, and an error
// about a missing "---" the user can see would only confuse.
func splitFrontMatter(file string, text []byte) (split, error) {
	if isBlank(text) {
		return split{}, diag.Errorf(file, 0,
			"the file is empty; start it with a front matter block of three lines: %q, %q, %q",
			"---", "title: Cara Memakai Masker", "---")
	}
	x := newLineIndex(text, 1)
	n := len(x.starts)
	line := 1
	for ; line <= n; line++ {
		if t, _ := x.lineText(text, line); !isBlank(t) {
			break
		}
	}
	if t, _ := x.lineText(text, line); !isDelimiter(t) {
		return split{}, diag.Errorf(file, line,
			"missing front matter; start the file with a line %q, then %q, then %q",
			"---", "title: ...", "---")
	}
	s := split{open: line}
	for l := line + 1; l <= n; l++ {
		if t, _ := x.lineText(text, l); isDelimiter(t) {
			s.close = l
			break
		}
	}
	if s.close == 0 {
		return split{}, diag.Errorf(file, s.open,
			"the front matter starting here has no closing %q; add a line %q after its last key",
			"---", "---")
	}
	s.yaml = text[x.starts[s.open]:x.starts[s.close-1]]
	if s.close < n {
		s.body = text[x.starts[s.close]:]
	}
	return s, nil
}

func isDelimiter(line []byte) bool {
	return string(bytes.TrimRight(line, " \t")) == "---"
}
