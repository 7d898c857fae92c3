package diag

import (
	"strings"
	"unicode"
)

// ExtraHint is the part of the finding's hint that the message does not
// already say, or "" when the message says it all. A hint is made of
// clauses ("links are not clickable on Instagram: write a short address");
// a clause whose words the message mostly holds already is left out, so a
// reader is not told the same thing twice.
func (f Finding) ExtraHint() string {
	said := wordSet(f.Message)
	var keep []string
	for _, clause := range hintClauses(f.Hint) {
		words := contentWords(clause)
		known := 0
		for _, w := range words {
			if said[w] || said[stem(w)] {
				known++
			}
		}
		if len(words) > 0 && known*3 < len(words)*2 {
			keep = append(keep, clause)
		}
	}
	return strings.Join(keep, "; ")
}

// hintClauses splits a hint at "; " and ": ", the joints pkpm's hints use
// between a statement and a fix.
func hintClauses(hint string) []string {
	var out []string
	for _, part := range strings.Split(hint, "; ") {
		for _, c := range strings.Split(part, ": ") {
			if c = strings.TrimSpace(c); c != "" {
				out = append(out, c)
			}
		}
	}
	return out
}

// contentWords are the lower-case words of s of three letters or more,
// the ones that carry meaning in a hint.
func contentWords(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' && r != '.'
	}) {
		w = strings.Trim(w, ".")
		if len([]rune(w)) >= 3 && !stopWords[w] {
			out = append(out, w)
		}
	}
	return out
}

func wordSet(s string) map[string]bool {
	set := map[string]bool{}
	for _, w := range contentWords(s) {
		set[w] = true
		set[stem(w)] = true
	}
	return set
}

// stem folds the English endings hints and messages vary in: "links" and
// "link", "shorten" and "shorter" meet at their first five letters.
func stem(w string) string {
	r := []rune(w)
	if len(r) > 5 {
		return string(r[:5])
	}
	return strings.TrimSuffix(w, "s")
}

var stopWords = map[string]bool{"the": true, "and": true, "for": true, "with": true, "its": true, "are": true,
	"not": true, "but": true, "this": true, "that": true, "from": true, "into": true, "your": true, "too": true}
