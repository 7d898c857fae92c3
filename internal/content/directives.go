package content

import "strings"

// directive is a <!-- key: value --> comment: settings for the slide it
// is on, invisible in any other Markdown viewer.
type directive struct {
	key, value string
	line       int
}

const rawHTMLWarning = "raw HTML is not supported and was left out; write it in Markdown"

// html handles raw HTML met in the body: comments are directives or
// notes to self (kept quiet, since no renderer shows them either); any
// other HTML is dropped with a warning.
func (w *walker) html(raw string, line int) {
	comments, ok := splitComments(raw)
	if !ok {
		w.warnf(line, "%s", rawHTMLWarning)
		return
	}
	for _, c := range comments {
		if key, value, ok := parseDirective(c); ok {
			w.dirs = append(w.dirs, directive{key: key, value: value, line: line})
		}
	}
}

// splitComments returns the insides of the HTML comments raw consists of,
// or false when raw holds anything but comments and white space.
func splitComments(raw string) ([]string, bool) {
	var out []string
	rest := strings.TrimSpace(raw)
	for rest != "" {
		body, ok := strings.CutPrefix(rest, "<!--")
		if !ok {
			return nil, false
		}
		inner, after, ok := strings.Cut(body, "-->")
		if !ok {
			return nil, false
		}
		out = append(out, inner)
		rest = strings.TrimSpace(after)
	}
	return out, len(out) > 0
}

// parseDirective reads "key: value" from the inside of a comment. The key
// is a word of letters, digits, '-' or '_' starting with a letter, and a
// space follows the colon; the value has its white space (line breaks
// included) folded to single spaces.
func parseDirective(inner string) (key, value string, ok bool) {
	k, v, found := strings.Cut(strings.TrimSpace(inner), ":")
	// "<!-- see https://... -->" is a note, not a directive "see https".
	if !found || !isDirectiveKey(k) || v != "" && !isSpace(v[0]) {
		return "", "", false
	}
	return strings.ToLower(k), strings.Join(strings.Fields(v), " "), true
}

func isDirectiveKey(k string) bool {
	if k == "" || !isASCIILetter(k[0]) {
		return false
	}
	for i := 1; i < len(k); i++ {
		c := k[i]
		if !isASCIILetter(c) && !(c >= '0' && c <= '9') && c != '-' && c != '_' {
			return false
		}
	}
	return true
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n'
}

func isASCIILetter(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}
