package content

import (
	"bytes"
	"fmt"
	"unicode"

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

// unclosed explains err, a problem with the front matter, when its cause
// is that the closing "---" is missing: the block then runs on to a slide
// break in the body, and YAML's complaint about a body line ("could not
// find expected ':'") would send the author to the wrong place. The sign
// is a blank line followed by a line that is not YAML's "key: value", a
// list item, a comment or indented.
func unclosed(file string, s split, err error) error {
	lastKey, textStart := s.open, 0 // file lines
	for i, l := range bytes.Split(s.yaml, []byte("\n")) {
		line := s.open + 1 + i
		switch {
		case isBlank(l):
			if textStart == 0 {
				textStart = -1 // a blank line: what follows may be text
			}
		case bytes.HasPrefix(l, []byte("#")):
			if textStart < 0 {
				textStart = line // a Markdown heading reads as a comment
			}
		case textStart != 0 && !yamlLine(l):
			if textStart < 0 {
				textStart = line
			}
			return diag.Diagnostic{File: file, Line: s.open, Severity: diag.Error, Err: err,
				Message: fmt.Sprintf("the front matter starting here has no closing %q (line %d reads like the post's text); add a line %q after its last key, line %d",
					"---", textStart, "---", lastKey)}
		default:
			lastKey, textStart = line, 0
		}
	}
	return err
}

// yamlLine says whether a line reads as front matter: indented, a list
// item, or a plain key followed by a colon.
func yamlLine(l []byte) bool {
	if l[0] == ' ' || l[0] == '\t' || bytes.HasPrefix(l, []byte("- ")) || string(l) == "-" {
		return true
	}
	key, _, found := bytes.Cut(l, []byte(":"))
	if !found {
		return false
	}
	for _, r := range string(key) {
		if !(r == '_' || r == '-' || unicode.IsLetter(r) || unicode.IsDigit(r)) {
			return false
		}
	}
	return len(key) > 0
}
