package content

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
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
	for i := 0; i < len(in); {
		if in[i].Text == "" {
			i++
			continue
		}
		j := i + 1
		for j < len(in) && (in[j].Text == "" || in[j].Style == in[i].Style && in[j].URL == in[i].URL) {
			j++
		}
		s := in[i]
		if j-i > 1 {
			var b strings.Builder
			for _, t := range in[i:j] {
				b.WriteString(t.Text)
			}
			s.Text = b.String()
		}
		out = append(out, s)
		i = j
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
