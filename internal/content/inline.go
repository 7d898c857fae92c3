package content

import (
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"
)

// spans converts the inline children of n into merged spans.
func (w *walker) spans(n ast.Node) []Span {
	var out []Span
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		out = w.inline(c, 0, "", out)
	}
	return mergeSpans(out)
}

func (w *walker) inline(n ast.Node, style Style, url string, out []Span) []Span {
	switch n := n.(type) {
	case *ast.Text:
		out = append(out, Span{Text: decodeText(n.Value(w.src)), Style: style, URL: url})
		switch {
		case n.HardLineBreak():
			out = append(out, Span{Text: "\n", Style: style, URL: url})
		case n.SoftLineBreak():
			out = append(out, Span{Text: " ", Style: style, URL: url})
		}
		return out
	case *ast.String:
		t := string(n.Value)
		if !n.IsRaw() && !n.IsCode() {
			t = decodeText(n.Value)
		}
		return append(out, Span{Text: t, Style: style, URL: url})
	case *ast.CodeSpan:
		return append(out, Span{Text: w.codeSpanText(n), Style: style | Code, URL: url})
	case *ast.Emphasis:
		s := Italic
		if n.Level >= 2 {
			s = Bold
		}
		return w.children(n, style|s, url, out)
	case *east.Strikethrough:
		return w.children(n, style|Strike, url, out)
	case *ast.Link:
		return w.children(n, style|Link, decodeText(n.Destination), out)
	case *ast.AutoLink:
		label := string(n.Label(w.src))
		return append(out, Span{Text: label, Style: style | Link, URL: label})
	case *ast.Image:
		w.warnf(w.nodeLine(n),
			"image %q inside text is not shown, only its alt text; put it on a line of its own, with blank lines around it, to make an image slide",
			string(n.Destination))
		return w.children(n, style, url, out)
	case *ast.RawHTML:
		w.html(string(n.Segments.Value(w.src)), w.nodeLine(n))
		return out
	}
	return w.children(n, style, url, out)
}

func (w *walker) children(n ast.Node, style Style, url string, out []Span) []Span {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		out = w.inline(c, style, url, out)
	}
	return out
}

// codeSpanText joins the lines of a code span with spaces, as CommonMark
// renders it.
func (w *walker) codeSpanText(n *ast.CodeSpan) string {
	var b strings.Builder
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			v := c.Value(w.src)
			if len(v) > 0 && v[len(v)-1] == '\n' {
				b.Write(v[:len(v)-1])
				b.WriteByte(' ')
			} else {
				b.Write(v)
			}
		case *ast.String:
			b.Write(c.Value)
		}
	}
	return b.String()
}

// mergeSpans joins neighbours of equal style and link and drops empty
// spans, so "a *b*c" gives three spans and "a" + " " gives one.
func mergeSpans(in []Span) []Span {
	var out []Span
	for _, s := range in {
		if s.Text == "" {
			continue
		}
		if n := len(out); n > 0 && out[n-1].Style == s.Style && out[n-1].URL == s.URL {
			out[n-1].Text += s.Text
			continue
		}
		out = append(out, s)
	}
	return out
}

// trimSpans drops white space at both ends of a block's text. Code keeps
// its spaces: they are part of what the author quoted.
func trimSpans(spans []Span) []Span {
	for len(spans) > 0 && spans[0].Style&Code == 0 {
		spans[0].Text = strings.TrimLeft(spans[0].Text, " \t\n")
		if spans[0].Text != "" {
			break
		}
		spans = spans[1:]
	}
	for n := len(spans); n > 0 && spans[n-1].Style&Code == 0; n = len(spans) {
		spans[n-1].Text = strings.TrimRight(spans[n-1].Text, " \t\n")
		if spans[n-1].Text != "" {
			break
		}
		spans = spans[:n-1]
	}
	if len(spans) == 0 {
		return nil
	}
	return spans
}

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
