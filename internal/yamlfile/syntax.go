package yamlfile

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/pkpm-btn3/pkpm/internal/diag"
)

// maxSearchLines bounds the search for the line of a YAML error; front
// matter is a dozen lines in practice.
const maxSearchLines = 200

// syntaxError turns a yaml.v3 syntax error into a diagnostic on the file
// line it is about, with how to fix it. offset is the file line just
// before the YAML text (front matter starts below its "---"); what names
// the YAML in the message: "front matter", "calendar.yaml".
func syntaxError(file string, src []byte, offset int, what string, err error) diag.Diagnostic {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	reported, rest, hasLine := cutYAMLLine(msg)
	msg = rest
	line, found := firstBadLine(src)
	if !found && hasLine {
		line = reported
	}
	line = min(max(line, 1), bytes.Count(src, []byte{'\n'})+1)
	d := diag.Errorf(file, offset+line, "%s is not valid YAML: %s; %s", what, msg, yamlHint(msg, src, line))
	d.Err = err
	return d
}

// cutYAMLLine splits "line 3: message" into 3 and "message".
func cutYAMLLine(msg string) (int, string, bool) {
	rest, ok := strings.CutPrefix(msg, "line ")
	if !ok {
		return 0, msg, false
	}
	num, text, ok := strings.Cut(rest, ": ")
	if !ok {
		return 0, msg, false
	}
	n, err := strconv.Atoi(num)
	if err != nil {
		return 0, msg, false
	}
	return n, text, true
}

// firstBadLine finds the line a YAML error is on: the line after the
// longest run of leading lines that still parses. yaml.v3 leaves the line
// out of some messages (any problem on the first line, tabs, unknown
// anchors), gives others 0-based, and for an unclosed bracket names where
// it gave up rather than the line of the bracket.
func firstBadLine(src []byte) (int, bool) {
	lines := bytes.SplitAfter(src, []byte("\n"))
	if len(lines) > maxSearchLines {
		return 0, false
	}
	ends := make([]int, len(lines)+1)
	for i, l := range lines {
		ends[i+1] = ends[i] + len(l)
	}
	for k := len(lines) - 1; k > 0; k-- {
		if _, err := parse(src[:ends[k]]); err == nil {
			return k + 1, true
		}
	}
	return 1, true
}

// yamlHint says how to fix the usual causes of a YAML syntax error.
func yamlHint(msg string, src []byte, line int) string {
	text := yamlLine(src, line)
	switch {
	case strings.Contains(text, "\t"):
		return "indent with spaces, not tabs"
	case strings.Contains(msg, "mapping values are not allowed"):
		return `put the value in quotes when it contains ": ", like "COVID-19: apa itu?"`
	case strings.Contains(msg, "control characters"):
		return "remove the invisible control characters"
	case strings.Contains(msg, "end of stream") || strings.Contains(msg, "did not find expected") || strings.Contains(msg, "unexpected end"):
		return "check that every quote and bracket opened on this line is closed"
	default:
		return `write each setting as "key: value" on its own line, indented with spaces; put values with special characters in quotes`
	}
}

func yamlLine(src []byte, line int) string {
	lines := bytes.Split(src, []byte("\n"))
	if line < 1 || line > len(lines) {
		return ""
	}
	return string(lines[line-1])
}
