package deck

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pkpm-btn3/pkpm/internal/content"
	"github.com/pkpm-btn3/pkpm/internal/layout"
)

// endsSentence says whether s already ends a sentence for a screen
// reader: in ".", "!", "?", "…", ":" or ";" (perhaps inside a closing
// quote or bracket), or in an emoji, after which a full stop reads as a
// stray dot ("Ingat! ⚠️.").
func endsSentence(s string) bool {
	if strings.HasSuffix(strings.TrimSpace(s), "\u20E3") { // a keycap: 1️⃣
		return true
	}
	s = strings.TrimRightFunc(s, func(r rune) bool { return unicode.IsSpace(r) || isEmojiTail(r) })
	for s != "" {
		r, size := utf8.DecodeLastRuneInString(s)
		switch {
		case strings.ContainsRune(".!?…:;", r) || isEmoji(r):
			return true
		case strings.ContainsRune(`"')]»”’`, r):
			s = s[:len(s)-size] // look inside the quote or bracket
		default:
			return false
		}
	}
	return false
}

// isEmoji covers the pictographs, symbols and flags emoji are drawn from.
func isEmoji(r rune) bool {
	return r >= 0x1F000 && r <= 0x1FAFF || r >= 0x2600 && r <= 0x27BF || r >= 0x2B00 && r <= 0x2BFF ||
		r >= 0x2190 && r <= 0x21FF || r == 0x203C || r == 0x2049 || unicode.Is(unicode.So, r)
}

// isEmojiTail is what can follow an emoji's base: a variation selector,
// a joiner, a skin tone, a keycap, a tag.
func isEmojiTail(r rune) bool {
	return r == 0xFE0F || r == 0xFE0E || r == 0x200D || r == 0x20E3 || r >= 0x1F3FB && r <= 0x1F3FF || r >= 0xE0020 && r <= 0xE007F
}

// ensurePeriod ends s with a full stop unless it already ends a sentence.
func ensurePeriod(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || endsSentence(s) {
		return s
	}
	return s + "."
}

// joinSentences joins texts for alt text, each but the last ending a
// sentence, so that a screen reader pauses between them.
func joinSentences(parts ...string) string {
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			if n := len(out); n > 0 {
				out[n-1] = ensurePeriod(out[n-1])
			}
			out = append(out, p)
		}
	}
	return strings.Join(out, " ")
}

// withoutStrike is the text of spans with struck-through text left out:
// the author crossed it out, and a screen reader must not read it as if
// it stood.
func withoutStrike(spans []content.Span) string {
	var b strings.Builder
	for _, s := range spans {
		if s.Style&content.Strike == 0 {
			b.WriteString(s.Text)
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// struckText is the text of a laid-out block without its struck-through
// spans, and whether it had any.
func struckText(b layout.Block) (string, bool) {
	var kept strings.Builder
	struck := false
	for _, s := range b.Spans {
		if s.Style&layout.Strike != 0 {
			struck = true
			continue
		}
		kept.WriteString(s.Text)
	}
	return strings.Join(strings.Fields(kept.String()), " "), struck
}
