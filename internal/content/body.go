package content

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"

	"github.com/pkpm-btn3/pkpm/internal/diag"
)

// walker turns goldmark nodes of one body into Blocks, collecting
// warnings and <!-- key: value --> directives as it goes.
type walker struct {
	file     string
	src      []byte // the body text goldmark parsed
	lines    lineIndex
	warnings []diag.Diagnostic
	dirs     []directive // directives met since the caller last took them
}

// parseMarkdown parses a body. The parser is built per call so that the
// package keeps no state between posts.
func parseMarkdown(src []byte) ast.Node {
	md := goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.Linkify))
	return md.Parser().Parse(text.NewReader(src))
}

func (w *walker) warnf(line int, format string, args ...any) {
	d := diag.Warnf(w.file, line, format, args...)
	if n := len(w.warnings); n > 0 && w.warnings[n-1] == d {
		return
	}
	w.warnings = append(w.warnings, d)
}

// nodeLine is the file line a block starts on.
func (w *walker) nodeLine(n ast.Node) int {
	for ; n != nil; n = n.Parent() {
		if p := n.Pos(); p >= 0 {
			return w.lines.line(p)
		}
		if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
			return w.lines.line(n.Lines().At(0).Start)
		}
	}
	return w.lines.first
}

// blocks converts the children of a container node.
func (w *walker) blocks(parent ast.Node) []Block {
	var out []Block
	for c := parent.FirstChild(); c != nil; c = c.NextSibling() {
		out = append(out, w.block(c)...)
	}
	return out
}

// block converts one node; it may give none (a comment) or several
// (a paragraph of images).
func (w *walker) block(n ast.Node) []Block {
	switch n := n.(type) {
	case *ast.Paragraph, *ast.TextBlock:
		return w.paragraph(n)
	case *ast.Heading:
		if line, ok := w.setextBreak(n); ok {
			w.warnf(line, "%s", nestedSetextWarning)
			return w.paragraph(n)
		}
		return w.heading(n)
	case *ast.List:
		return w.list(n)
	case *ast.Blockquote:
		children := w.blocks(n)
		if len(children) == 0 {
			return nil
		}
		return []Block{{Kind: Quote, Line: w.nodeLine(n), Children: children}}
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		return w.code(n)
	case *ast.HTMLBlock:
		w.html(htmlBlockText(n, w.src), w.nodeLine(n))
		return nil
	case *east.Table:
		return w.table(n)
	case *ast.ThematicBreak:
		w.warnf(w.nodeLine(n), "%q inside a list or quote cannot start a new slide and was left out; put it at the start of a line, after a blank line", "---")
		return nil
	case *ast.LinkReferenceDefinition:
		return nil
	}
	return w.blocks(n)
}

const (
	setextWarning       = `text directly above "---" is read as a heading; leave a blank line before "---" to start a new slide`
	nestedSetextWarning = `text directly above "---" is read as a heading, and inside a list or quote "---" cannot start a new slide; the text was kept as a paragraph`
)

// setextBreak reports whether h is a paragraph that Markdown read as a
// heading because a "---" line follows it, and the line of that "---".
// A setext heading starts where its text starts; an ATX heading starts at
// its '#' marks, before its text.
func (w *walker) setextBreak(h *ast.Heading) (int, bool) {
	lines := h.Lines()
	if h.Level != 2 || lines.Len() == 0 || h.Pos() != lines.At(0).Start {
		return 0, false
	}
	under := w.lines.line(lines.At(lines.Len()-1).Start) + 1
	t, ok := w.lines.lineText(w.src, under)
	return under, ok && isDashUnderline(t)
}

// isDashUnderline: a line of '-' after any container markers ('>' of a
// quote, the indentation of a list item).
func isDashUnderline(line []byte) bool {
	t := bytes.TrimRight(bytes.TrimLeft(line, " \t>"), " \t")
	return len(t) > 0 && len(bytes.Trim(t, "-")) == 0
}

func (w *walker) heading(h *ast.Heading) []Block {
	spans := trimSpans(w.spans(h))
	if len(spans) == 0 {
		return nil
	}
	return []Block{{Kind: Heading, Line: w.nodeLine(h), Level: min(h.Level, 3), Spans: spans}}
}

func (w *walker) paragraph(n ast.Node) []Block {
	if imgs := imagesOnly(n, w.src); imgs != nil {
		out := make([]Block, 0, len(imgs))
		for _, img := range imgs {
			out = append(out, Block{
				Kind: Image,
				Line: w.nodeLine(img),
				Src:  decodeText(img.Destination),
				Alt:  PlainText(trimSpans(w.spans(img))),
			})
		}
		return out
	}
	spans := trimSpans(w.spans(n))
	if len(spans) == 0 {
		return nil
	}
	return []Block{{Kind: Paragraph, Line: w.nodeLine(n), Spans: spans}}
}

// imagesOnly returns the images of a paragraph that holds nothing else
// but white space, or nil.
func imagesOnly(n ast.Node, src []byte) []*ast.Image {
	var imgs []*ast.Image
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Image:
			imgs = append(imgs, c)
		case *ast.Text:
			if !isBlank(c.Value(src)) {
				return nil
			}
		default:
			return nil
		}
	}
	return imgs
}

func (w *walker) list(l *ast.List) []Block {
	b := Block{Kind: List, Line: w.nodeLine(l), Ordered: l.IsOrdered()}
	if b.Ordered {
		b.Start = l.Start
	}
	for c := l.FirstChild(); c != nil; c = c.NextSibling() {
		b.Items = append(b.Items, Item{Blocks: w.blocks(c)})
	}
	return []Block{b}
}

func (w *walker) code(n ast.Node) []Block {
	var buf []byte
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		buf = append(buf, seg.Value(w.src)...)
	}
	for len(buf) > 0 && buf[len(buf)-1] == '\n' {
		buf = buf[:len(buf)-1]
	}
	if len(buf) == 0 {
		return nil
	}
	return []Block{{Kind: CodeBlock, Line: w.nodeLine(n), Spans: []Span{{Text: string(buf), Style: Code}}}}
}

// table keeps the header row first, whether or not a body follows.
func (w *walker) table(t *east.Table) []Block {
	b := Block{Kind: Table, Line: w.nodeLine(t)}
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		var cells [][]Span
		for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
			cells = append(cells, trimSpans(w.spans(cell)))
		}
		b.Rows = append(b.Rows, cells)
	}
	return []Block{b}
}

func htmlBlockText(n *ast.HTMLBlock, src []byte) string {
	buf := n.Lines().Value(src)
	if n.HasClosure() {
		buf = append(buf, n.ClosureLine.Value(src)...)
	}
	return string(buf)
}
