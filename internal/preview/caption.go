package preview

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
)

// captionFold is about how many characters of a caption Instagram shows
// before "… more".
const captionFold = 125

// caption is a caption as the feed shows it: folded, and in full.
type caption struct {
	Short  []captionPart
	Full   []captionPart
	Folded bool // Short is a prefix of Full, followed by "… more"
	Length int  // in characters
}

// captionPart is plain text, or a #hashtag or @mention Instagram links.
type captionPart struct {
	Text string
	Link bool
}

// linkRE finds a #hashtag or @mention at the start of a word; group 1
// is the link itself. Compiled on first use: its Unicode classes cost
// every other command a third of a millisecond at start-up.
var linkRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?:^|[^\p{L}\p{N}_&])([#@][\p{L}\p{N}_.]*[\p{L}\p{N}_])`)
})

func newCaption(text string, fold int) caption {
	c := caption{Full: captionParts(text), Length: len([]rune(text))}
	short, folded := foldText(text, fold)
	c.Short, c.Folded = captionParts(short), folded
	return c
}

// foldText cuts text at about n characters, at a space when there is one
// in the last third, as Instagram does not cut words in half.
func foldText(text string, n int) (string, bool) {
	r := []rune(text)
	if len(r) <= n {
		return text, false
	}
	cut := n
	for i := n; i > n*2/3; i-- {
		if unicode.IsSpace(r[i]) {
			cut = i
			break
		}
	}
	return strings.TrimRightFunc(string(r[:cut]), unicode.IsSpace), true
}

func captionParts(text string) []captionPart {
	var out []captionPart
	last := 0
	for _, m := range linkRE().FindAllStringSubmatchIndex(text, -1) {
		if m[2] > last {
			out = append(out, captionPart{Text: text[last:m[2]]})
		}
		out = append(out, captionPart{Text: text[m[2]:m[3]], Link: true})
		last = m[3]
	}
	if last < len(text) {
		out = append(out, captionPart{Text: text[last:]})
	}
	return out
}
