package content

import "strings"

// PlainText is the text of spans, styles dropped.
func PlainText(spans []Span) string {
	var b strings.Builder
	for _, s := range spans {
		b.WriteString(s.Text)
	}
	return b.String()
}

// PlainText is all the text of a block, its list items, quoted blocks and
// table cells included, parts separated by single spaces. For an image it
// is the alt text.
func (b Block) PlainText() string {
	var parts []string
	add := func(s string) {
		if s != "" {
			parts = append(parts, s)
		}
	}
	add(PlainText(b.Spans))
	if b.Kind == Image {
		add(b.Alt)
	}
	for _, it := range b.Items {
		for _, c := range it.Blocks {
			add(c.PlainText())
		}
	}
	for _, c := range b.Children {
		add(c.PlainText())
	}
	for _, row := range b.Rows {
		for _, cell := range row {
			add(PlainText(cell))
		}
	}
	return strings.Join(parts, " ")
}
