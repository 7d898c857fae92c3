package content

import (
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/util"
)

// decodeText resolves backslash escapes and HTML entities the way
// goldmark's HTML renderer does, in one pass so that "\&amp;" stays
// "&amp;".
func decodeText(v []byte) string {
	var b strings.Builder
	b.Grow(len(v))
	for i := 0; i < len(v); {
		c := v[i]
		switch {
		case c == '\\' && i+1 < len(v) && util.IsPunct(v[i+1]):
			b.WriteByte(v[i+1])
			i += 2
		case c == '&':
			if r, n := entity(v[i:]); n > 0 {
				b.WriteString(r)
				i += n
				continue
			}
			b.WriteByte(c)
			i++
		case c == 0:
			b.WriteRune(utf8.RuneError)
			i++
		default:
			b.WriteByte(c)
			i++
		}
	}
	return b.String()
}

// entity decodes a character reference at the start of v ("&amp;",
// "&#39;", "&#x1F637;"), returning its text and length, or 0.
func entity(v []byte) (string, int) {
	end := 1
	for end < len(v) && end < 40 && v[end] != ';' {
		end++
	}
	if end >= len(v) || v[end] != ';' || end < 2 {
		return "", 0
	}
	name := string(v[1:end])
	if name[0] != '#' {
		if e, ok := util.LookUpHTML5EntityByName(name); ok && isAlnum(name) {
			return string(e.Characters), end + 1
		}
		return "", 0
	}
	r, ok := numericReference(name[1:])
	if !ok {
		return "", 0
	}
	return string(util.ToValidRune(r)), end + 1
}

// numericReference reads "39" or "x27": at most 7 decimal or 6 hex
// digits, as CommonMark allows.
func numericReference(s string) (rune, bool) {
	base, limit := 10, 7
	if s != "" && (s[0] == 'x' || s[0] == 'X') {
		s, base, limit = s[1:], 16, 6
	}
	if s == "" || len(s) > limit {
		return 0, false
	}
	var r rune
	for i := 0; i < len(s); i++ {
		d := hexDigit(s[i])
		if d < 0 || d >= base {
			return 0, false
		}
		r = r*rune(base) + rune(d)
	}
	return r, true
}

func hexDigit(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

func isAlnum(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}
