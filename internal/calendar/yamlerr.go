package calendar

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/pkpm-btn3/pkpm/internal/diag"
)

// parseYAML turns a panic inside the YAML library into an error: no
// calendar.yaml may crash pkpm.
func parseYAML(src []byte) (root yaml.Node, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("yaml: %v", r)
		}
	}()
	err = yaml.Unmarshal(src, &root)
	return root, err
}

var yamlLineRE = regexp.MustCompile(`^line (\d+): (.*)$`)

// yamlError says on which line the YAML breaks and how such breaks are
// usually fixed.
func yamlError(file string, src []byte, err error) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 0
	if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
	}
	// yaml.v3 leaves the line out of some messages and, for an unclosed
	// bracket, names where it gave up: the first line that breaks a
	// prefix that parsed is where the mistake is.
	if l, ok := firstBadLine(src); ok {
		line = l
	}
	n := bytes.Count(src, []byte("\n")) + 1
	line = min(max(line, 1), n)
	return diag.Errorf(file, line, "%s is not valid YAML: %s; %s", FileName, msg, yamlHint(msg, lineOf(src, line)))
}

func firstBadLine(src []byte) (int, bool) {
	lines := bytes.SplitAfter(src, []byte("\n"))
	if len(lines) > 500 {
		return 0, false
	}
	end := len(src)
	for k := len(lines) - 1; k > 0; k-- {
		end -= len(lines[k])
		if _, err := parseYAML(src[:end]); err == nil {
			return k + 1, true
		}
	}
	return 1, true
}

func yamlHint(msg, text string) string {
	switch {
	case strings.Contains(text, "\t"):
		return "indent with spaces, not tabs"
	case strings.Contains(msg, "mapping values are not allowed"):
		return `put the value in quotes when it contains ": ", like reason: "HUT RI: libur"`
	case strings.Contains(msg, "did not find expected") || strings.Contains(msg, "end of stream") || strings.Contains(msg, "unexpected end"):
		return "check that every quote and bracket opened on this line is closed"
	}
	return `write each setting as "key: value" on its own line, indented with spaces`
}

func lineOf(src []byte, n int) string {
	lines := bytes.Split(src, []byte("\n"))
	if n < 1 || n > len(lines) {
		return ""
	}
	return string(lines[n-1])
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return -1
}
