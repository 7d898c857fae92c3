package content

import "github.com/yuin/goldmark/ast"

// piece is what one top-level node of the body contributes: a slide
// break, or blocks (a "##" heading is marked, as it may start a slide).
type piece struct {
	brk    bool
	h2     bool
	line   int
	blocks []Block
	dirs   []directive
}

// pieces walks the top level of the document.
func (w *walker) pieces(doc ast.Node) []piece {
	var out []piece
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		ps := w.piecesOf(n)
		// Directives met inside n belong where n's content goes.
		ps[0].dirs, w.dirs = w.dirs, nil
		out = append(out, ps...)
	}
	return out
}

func (w *walker) piecesOf(n ast.Node) []piece {
	switch h := n.(type) {
	case *ast.ThematicBreak:
		return []piece{{brk: true, line: w.nodeLine(n)}}
	case *ast.Heading:
		if under, ok := w.setextBreak(h); ok {
			w.warnf(under, "%s", setextWarning)
			return []piece{
				{line: w.nodeLine(n), blocks: w.paragraph(h)},
				{brk: true, line: under},
			}
		}
		if h.Level == 2 {
			return []piece{{h2: true, line: w.nodeLine(n), blocks: w.heading(h)}}
		}
	}
	return []piece{{line: w.nodeLine(n), blocks: w.block(n)}}
}

// chunk is the material of the intro or of one section.
type chunk struct {
	line   int // of the break or heading that opened it
	blocks []Block
	alt    string
	dirs   map[string]string
}

// group splits pieces at breaks when the body has any, else before each
// "##" heading. The first chunk is the intro.
func (w *walker) group(pieces []piece) []chunk {
	byBreaks := false
	for _, p := range pieces {
		byBreaks = byBreaks || p.brk
	}
	chunks := []chunk{{}}
	for _, p := range pieces {
		if byBreaks && p.brk || !byBreaks && p.h2 {
			chunks = append(chunks, chunk{line: p.line})
		}
		c := &chunks[len(chunks)-1]
		c.blocks = append(c.blocks, p.blocks...)
		for _, d := range p.dirs {
			w.apply(c, d)
		}
	}
	return chunks
}

func (w *walker) apply(c *chunk, d directive) {
	if d.key == "alt" {
		if c.alt != "" {
			w.warnf(d.line, "this slide already has alt text; the later %q comment is used", "<!-- alt: ... -->")
		}
		c.alt = d.value
		return
	}
	if c.dirs == nil {
		c.dirs = map[string]string{}
	}
	c.dirs[d.key] = d.value
}

// sections turns the chunks after the intro into sections, dropping
// those with nothing to show.
func sections(chunks []chunk) []Section {
	var out []Section
	for _, c := range chunks {
		if len(c.blocks) == 0 && c.alt == "" {
			continue
		}
		line := c.line
		if len(c.blocks) > 0 {
			line = c.blocks[0].Line
		}
		out = append(out, Section{Line: line, Blocks: c.blocks, Alt: c.alt, Directives: c.dirs})
	}
	return out
}
