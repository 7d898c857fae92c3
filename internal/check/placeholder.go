package check

import (
	"regexp"

	"github.com/pkpm-btn3/pkpm/internal/content"
)

// placeholderRE finds a span an archetype marks as starter text to
// replace: [[like this]]. Double brackets show in any editor, survive
// Markdown as they are, and are not what people write in an article.
var placeholderRE = regexp.MustCompile(`\[\[[^\[\]\n]*\]\]`)

// placeholders reports each marked span left in the front matter or the
// body, at its line, so that starter text never goes out.
func placeholders(p Post, _ Settings) []Finding {
	var fs []Finding
	find := func(line int, text string) {
		for _, m := range placeholderRE.FindAllString(text, -1) {
			fs = append(fs, at(Placeholder, p.File, line, 0, "%q is starter text from the archetype; write your own or delete it", m))
		}
	}
	m := p.Article.Meta
	for _, kv := range []struct{ key, text string }{
		{"title", m.Title}, {"subtitle", m.Subtitle}, {"caption", m.Caption}, {"cover_alt", m.CoverAlt},
	} {
		find(line(p, kv.key), kv.text)
	}
	for i, s := range m.Sources {
		find(line(p, "sources")+1+i, s) // one source a line, as archetypes write them
	}
	walkText(p.Article.Intro, find)
	find(0, p.Article.IntroAlt)
	for _, s := range p.Article.Sections {
		walkText(s.Blocks, find)
		find(s.Line, s.Alt)
	}
	return fs
}

// walkText calls fn with the text of each block at its line, list items
// and quotes one by one. Code is left out: it is shown as written.
func walkText(blocks []content.Block, fn func(line int, text string)) {
	for _, b := range blocks {
		switch {
		case b.Kind == content.CodeBlock:
		case len(b.Items) > 0:
			for _, it := range b.Items {
				walkText(it.Blocks, fn)
			}
		case len(b.Children) > 0:
			walkText(b.Children, fn)
		default:
			fn(b.Line, b.PlainText())
		}
	}
}
