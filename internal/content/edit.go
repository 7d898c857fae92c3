package content

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/pkpm-btn3/pkpm/internal/diag"
	"github.com/pkpm-btn3/pkpm/internal/yamlfile"
)

// SetKeys sets front-matter keys of a post file and returns the new file.
// kv holds pairs of key and value. Only the line of each key changes: a
// key that is there keeps its place, its spacing and its end-of-line
// comment; a key that is not gains one line, placed after the key that
// usually comes before it. Every other byte — other keys, comments, the
// body, CRLF line endings, a BOM — stays as it was. Values are written as
// YAML scalars, in double quotes only when they must be.
//
// The result is checked before it is returned: the key reads back as the
// value and every other key reads as before, or SetKeys fails.
func SetKeys(src []byte, kv ...string) ([]byte, error) {
	if len(kv)%2 != 0 {
		return nil, errors.New("SetKeys takes pairs of key and value")
	}
	out := src
	for i := 0; i < len(kv); i += 2 {
		var err error
		if out, err = setKey(out, kv[i], kv[i+1]); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// rawLine is one line of a file as it is: its text and its line ending
// ("\n", "\r\n", "\r", or "" for a last line without one).
type rawLine struct {
	text, end []byte
}

// splitRawLines cuts b into lines, counting line endings the way
// normalize does, so line n here is line n of the normalised text.
func splitRawLines(b []byte) []rawLine {
	var lines []rawLine
	for len(b) > 0 {
		i := bytes.IndexAny(b, "\r\n")
		if i < 0 {
			lines = append(lines, rawLine{text: b})
			break
		}
		n := 1
		if b[i] == '\r' && i+1 < len(b) && b[i+1] == '\n' {
			n = 2
		}
		lines = append(lines, rawLine{text: b[:i], end: b[i : i+n]})
		b = b[i+n:]
	}
	return lines
}

func joinRawLines(prefix []byte, lines []rawLine) []byte {
	out := append([]byte(nil), prefix...)
	for _, l := range lines {
		out = append(out, l.text...)
		out = append(out, l.end...)
	}
	return out
}

// entry is one top-level key of the front matter and the file lines its
// value spans (1-based, inclusive), trailing blank and comment lines left
// out. tail also counts the comment lines indented under it.
type entry struct {
	key         string
	first, last int
	tail        int
	value       *yaml.Node
	indent      int // column of the key, 0-based
}

// frontMatter is the structure of a post's front matter, in file lines.
type frontMatter struct {
	open, close int
	entries     []entry
	yaml        []byte
}

func readFrontMatter(text []byte) (frontMatter, error) {
	s, err := splitFrontMatter("", text)
	if err != nil {
		return frontMatter{}, err
	}
	fm := frontMatter{open: s.open, close: s.close, yaml: s.yaml}
	doc, err := yamlfile.ReadAt("", "front matter", s.yaml, 0)
	if err != nil {
		var d diag.Diagnostic
		if errors.As(err, &d) {
			err = errors.New(d.Message)
		}
		return fm, err
	}
	if doc.Top == nil {
		return fm, nil
	}
	m := doc.Top
	if m.Kind != yaml.MappingNode {
		return fm, errors.New("the front matter is not a list of \"key: value\" lines")
	}
	lines := newLineIndex(text, 1)
	for i := 0; i+1 < len(m.Content); i += 2 {
		k := m.Content[i]
		fm.entries = append(fm.entries, entry{key: k.Value, first: k.Line + s.open, value: m.Content[i+1], indent: k.Column - 1})
	}
	for i := range fm.entries {
		e := &fm.entries[i]
		e.last = s.close - 1
		if i+1 < len(fm.entries) {
			e.last = fm.entries[i+1].first - 1
		}
		for e.last > e.first {
			t, _ := lines.lineText(text, e.last)
			if !isBlank(t) && !isOuterComment(t, e.indent) {
				break
			}
			e.last--
		}
		e.tail = e.last
		keyLine, _ := lines.lineText(text, e.first)
		if commentsEndValue(e.value, string(keyLine)) {
			for e.last > e.first {
				t, _ := lines.lineText(text, e.last)
				if !isBlank(t) && !isComment(t) {
					break
				}
				e.last--
			}
		}
	}
	return fm, nil
}

// isOuterComment is a comment line no deeper than the keys: it belongs
// to what follows, not to the value above it.
func isOuterComment(line []byte, indent int) bool {
	trimmed := bytes.TrimLeft(line, " \t")
	return len(trimmed) > 0 && trimmed[0] == '#' && len(line)-len(trimmed) <= indent
}

// commentsEndValue is whether no line of the value can start with '#':
// a plain scalar (a '#' after a space starts a comment), or a quoted one
// closed on the key's line. Comment lines after such a value are not part
// of it, however deep they are indented, and an edit must keep them.
func commentsEndValue(v *yaml.Node, keyLine string) bool {
	if v.Kind != yaml.ScalarNode {
		return false
	}
	switch v.Style &^ yaml.TaggedStyle {
	case 0:
		return true
	case yaml.DoubleQuotedStyle, yaml.SingleQuotedStyle:
		start := keyEnd(keyLine)
		for start < len(keyLine) && (keyLine[start] == ' ' || keyLine[start] == '\t') {
			start++
		}
		if start == len(keyLine) || (keyLine[start] != '"' && keyLine[start] != '\'') {
			return false
		}
		_, closed := quotedEnd(keyLine, start)
		return closed
	}
	return false
}

func isComment(line []byte) bool {
	trimmed := bytes.TrimLeft(line, " \t")
	return len(trimmed) > 0 && trimmed[0] == '#'
}

func (fm frontMatter) find(key string) (entry, bool) {
	for _, e := range fm.entries {
		if e.key == key {
			return e, true
		}
	}
	return entry{}, false
}

func setKey(src []byte, key, value string) ([]byte, error) {
	var bom []byte
	if bytes.HasPrefix(src, utf8BOM) {
		bom = utf8BOM
	}
	text, err := normalize("", src)
	if err != nil {
		return nil, err
	}
	fm, err := readFrontMatter(text)
	if err != nil {
		return nil, err
	}
	lines := splitRawLines(src[len(bom):])
	scalar := yamlScalar(value)
	if e, ok := fm.find(key); ok {
		lines = replaceEntry(lines, e, scalar)
	} else {
		lines = insertEntry(lines, fm, key, scalar)
	}
	out := joinRawLines(bom, lines)
	if err := checkEdit(fm, out, key, value); err != nil {
		return nil, fmt.Errorf("setting %q would change more than that key (%v); edit the file by hand", key, err)
	}
	return out, nil
}

// replaceEntry writes the new value in the key's line. A value that runs
// over several lines (a block of text, a list) becomes one line.
func replaceEntry(lines []rawLine, e entry, scalar string) []rawLine {
	l := lines[e.first-1]
	text := string(l.text)
	colon := keyEnd(text)
	start := colon
	for start < len(text) && (text[start] == ' ' || text[start] == '\t') {
		start++
	}
	end, closed := valueEnd(text, start)
	rest := ""
	if closed {
		rest = text[end:]
	}
	prefix := text[:start]
	if start == colon {
		prefix += " "
	}
	oldWidth := utf8.RuneCountInString(text[start:end])
	if strings.TrimSpace(rest) != "" {
		rest = keepCommentColumn(rest, utf8.RuneCountInString(scalar)-oldWidth)
	}
	newLine := rawLine{text: []byte(prefix + scalar + rest), end: l.end}
	out := append([]rawLine(nil), lines[:e.first-1]...)
	out = append(out, newLine)
	return append(out, lines[e.last:]...)
}

// keepCommentColumn moves an end-of-line comment by grow columns back, so
// aligned comments stay aligned, keeping at least one space before it.
func keepCommentColumn(rest string, grow int) string {
	comment := strings.TrimLeft(rest, " ")
	pad := len(rest) - len(comment)
	if !strings.HasPrefix(comment, "#") {
		return rest
	}
	return strings.Repeat(" ", max(pad-grow, 1)) + comment
}

// keyEnd is the offset just past the colon that ends the key of a line.
func keyEnd(line string) int {
	i := len(line) - len(strings.TrimLeft(line, " \t"))
	if i < len(line) && (line[i] == '"' || line[i] == '\'') {
		if end, closed := quotedEnd(line, i); closed {
			i = end
		}
	}
	for ; i < len(line); i++ {
		if line[i] == ':' && (i+1 == len(line) || line[i+1] == ' ' || line[i+1] == '\t') {
			return i + 1
		}
	}
	return len(line)
}

// valueEnd is the end of the value starting at start: the closing quote,
// or the start of a comment, trailing spaces left out. closed is false
// when a quoted value goes on past the line.
func valueEnd(line string, start int) (int, bool) {
	if start < len(line) && (line[start] == '"' || line[start] == '\'') {
		return quotedEnd(line, start)
	}
	end := len(line)
	for i := start; i < len(line); i++ {
		if line[i] == '#' && (i == start || line[i-1] == ' ' || line[i-1] == '\t') {
			end = i
			break
		}
	}
	return max(len(strings.TrimRight(line[:end], " \t")), start), true
}

func quotedEnd(line string, start int) (int, bool) {
	q := line[start]
	for i := start + 1; i < len(line); i++ {
		switch {
		case q == '"' && line[i] == '\\':
			i++
		case line[i] == q && q == '\'' && i+1 < len(line) && line[i+1] == '\'':
			i++
		case line[i] == q:
			return i + 1, true
		}
	}
	return len(line), false
}

// insertEntry adds "key: value" after the entry of the key that comes
// before it in the usual order, or first when there is none.
func insertEntry(lines []rawLine, fm frontMatter, key, scalar string) []rawLine {
	rank := func(k string) int {
		if i := slices.Index(frontMatterKeys, k); i >= 0 {
			return i
		}
		return len(frontMatterKeys)
	}
	after, indent, best := fm.open, 0, -1
	for _, e := range fm.entries {
		if r := rank(e.key); r < rank(key) && r >= best {
			after, indent, best = e.tail, e.indent, r
		}
	}
	if best < 0 && len(fm.entries) > 0 {
		after, indent = fm.entries[0].first-1, fm.entries[0].indent
	}
	end := lines[after-1].end
	if len(end) == 0 {
		end = []byte("\n")
	}
	line := rawLine{text: []byte(strings.Repeat(" ", indent) + key + ": " + scalar), end: end}
	out := append([]rawLine(nil), lines[:after]...)
	out = append(out, line)
	return append(out, lines[after:]...)
}

// yamlScalar writes a value plain when YAML reads it back as the same
// text, else in double quotes; Go's escapes are YAML's.
func yamlScalar(v string) string {
	if v != "" && v == strings.TrimSpace(v) && !strings.ContainsAny(v, "\n\r\t") {
		var n yaml.Node
		if err := yaml.Unmarshal([]byte("k: "+v), &n); err == nil && len(n.Content) == 1 && len(n.Content[0].Content) == 2 {
			s := n.Content[0].Content[1]
			if s.Kind == yaml.ScalarNode && s.Style == 0 && s.Value == v && s.Tag != "!!null" {
				return v
			}
		}
	}
	return strconv.Quote(v)
}

// checkEdit reads the edited file back: key must hold value, every other
// key what it held, and the body must not have moved.
func checkEdit(before frontMatter, out []byte, key, value string) error {
	text, err := normalize("", out)
	if err != nil {
		return err
	}
	after, err := readFrontMatter(text)
	if err != nil {
		return err
	}
	e, ok := after.find(key)
	if !ok || e.value.Kind != yaml.ScalarNode || e.value.Value != value {
		return fmt.Errorf("%q does not read back as %q", key, value)
	}
	if after.close-after.open != before.close-before.open+countNew(before, key) {
		return errors.New("the front matter changed length")
	}
	old, err := decodeMap(before.yaml)
	if err != nil {
		return err
	}
	cur, err := decodeMap(after.yaml)
	if err != nil {
		return err
	}
	delete(old, key)
	delete(cur, key)
	if !reflect.DeepEqual(old, cur) {
		return errors.New("other keys changed")
	}
	return nil
}

// countNew is how many lines setting key adds to the front matter: one
// when the key is new, and minus the extra lines of a multi-line value.
func countNew(fm frontMatter, key string) int {
	if e, ok := fm.find(key); ok {
		return -(e.last - e.first)
	}
	return 1
}

func decodeMap(src []byte) (map[string]any, error) {
	m := map[string]any{}
	err := yaml.Unmarshal(src, &m)
	return m, err
}
