package deck

import (
	"github.com/pkpm-btn3/pkpm/internal/content"
	"github.com/pkpm-btn3/pkpm/internal/layout"
	"github.com/pkpm-btn3/pkpm/internal/theme"
)

// MayUseItalic reports whether laying a out in t can set text in an
// italic face: emphasis, an image's alt text among text, a pull quote
// where t sets quotes in italics, or any other type role t sets in
// italics. A build reads the italic fonts ahead of composing only then:
// two fonts, about 1 MB of fresh memory and 3 ms of a core each, which a
// post without italics never uses. A face not read ahead is read when it
// is first used, so a "true" too many only costs that work.
func MayUseItalic(a *content.Article, t *theme.Template) bool {
	for role, ts := range t.Type {
		if face(ts)&layout.Italic != 0 && (role != "quote" || hasQuote(a)) {
			return true
		}
	}
	return anyBlock(a, func(b content.Block) bool {
		if b.Kind == content.Image {
			return true // shown by its alt text, in italics, among text
		}
		for _, s := range b.Spans {
			if s.Style&content.Italic != 0 {
				return true
			}
		}
		for _, row := range b.Rows {
			for _, cell := range row {
				for _, s := range cell {
					if s.Style&content.Italic != 0 {
						return true
					}
				}
			}
		}
		return false
	})
}

// hasQuote reports whether a has a quotation or a section laid out as a
// pull quote.
func hasQuote(a *content.Article) bool {
	if a.IntroDirectives["layout"] == "quote" {
		return true
	}
	for _, s := range a.Sections {
		if s.Directives["layout"] == "quote" {
			return true
		}
	}
	return anyBlock(a, func(b content.Block) bool { return b.Kind == content.Quote })
}

// anyBlock reports whether f holds for a block of a, at any depth.
func anyBlock(a *content.Article, f func(content.Block) bool) bool {
	var walk func([]content.Block) bool
	walk = func(bs []content.Block) bool {
		for _, b := range bs {
			if f(b) || walk(b.Children) {
				return true
			}
			for _, it := range b.Items {
				if walk(it.Blocks) {
					return true
				}
			}
		}
		return false
	}
	if walk(a.Intro) {
		return true
	}
	for _, s := range a.Sections {
		if walk(s.Blocks) {
			return true
		}
	}
	return false
}
