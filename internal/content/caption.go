package content

import "strings"

// CaptionText is the caption without hashtags: the front matter's
// caption, else the title and the first paragraph of the post.
func CaptionText(a *Article) string {
	if c := strings.TrimSpace(a.Meta.Caption); c != "" {
		return c
	}
	text := a.Meta.Title
	if p := firstParagraph(a); p != "" {
		text += "\n\n" + p
	}
	return text
}

// Caption is the exact text to paste into Instagram: the caption, a blank
// line, then the hashtags.
func Caption(a *Article) string {
	c := CaptionText(a)
	if tags := Hashtags(a); tags != "" {
		c += "\n\n" + tags
	}
	return c
}

// Hashtags are the post's hashtags as written on Instagram: "#a #b".
func Hashtags(a *Article) string {
	tags := make([]string, 0, len(a.Meta.Hashtags))
	for _, h := range a.Meta.Hashtags {
		tags = append(tags, "#"+h)
	}
	return strings.Join(tags, " ")
}

func firstParagraph(a *Article) string {
	blocks := a.Intro
	for _, s := range a.Sections {
		blocks = append(blocks, s.Blocks...)
	}
	for _, b := range blocks {
		if b.Kind == Paragraph {
			if t := strings.TrimSpace(PlainText(b.Spans)); t != "" {
				return t
			}
		}
	}
	return ""
}
