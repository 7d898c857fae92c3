package content

import (
	"regexp"
	"strings"
	"unicode"

	"gopkg.in/yaml.v3"
)

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

var hashtagRE = regexp.MustCompile(`#[^\s#]+`)

// TagsIn are the hashtags written in text, without '#': punctuation that
// ends a sentence or a bracket after a tag is not part of it ("#covid19."
// is the tag "covid19"), '_' is.
func TagsIn(text string) []string {
	var tags []string
	for _, t := range hashtagRE.FindAllString(text, -1) {
		if t = strings.TrimRightFunc(strings.TrimPrefix(t, "#"), endsTag); t != "" {
			tags = append(tags, t)
		}
	}
	return tags
}

func endsTag(r rune) bool { return r != '_' && unicode.IsPunct(r) }

// tagLines finds the file line of each hashtag in the caption's source:
// the key's line and the indented lines below it that hold its value.
func (d *metaDecoder) tagLines(k, v *yaml.Node) map[string]int {
	lines := strings.Split(string(d.src), "\n")
	var out map[string]int
	for i := k.Line - 1; i < len(lines); i++ {
		l := lines[i]
		if i > k.Line-1 && strings.TrimSpace(l) != "" && !strings.HasPrefix(l, " ") && !strings.HasPrefix(l, "\t") {
			break // the next key
		}
		if i == k.Line-1 {
			l = l[min(len(l), k.Column-1+len(k.Value)):]
		}
		if v.Style == 0 { // plain: " #" starts a comment, not text
			if strings.HasPrefix(strings.TrimSpace(l), "#") {
				continue
			}
			l = strings.SplitN(l, " #", 2)[0]
		}
		for _, t := range TagsIn(l) {
			if out == nil {
				out = map[string]int{}
			}
			if key := strings.ToLower(t); out[key] == 0 {
				out[key] = d.line(k) - k.Line + i + 1
			}
		}
	}
	return out
}
