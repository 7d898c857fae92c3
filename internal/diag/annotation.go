package diag

import (
	"path/filepath"
	"strconv"
	"strings"
)

// Annotation formats a finding as a GitHub Actions workflow command,
//
//	::error file=posts/x.md,line=12,title=caption-length::caption is 2,340 characters …
//
// which the Actions runner turns into a note on that line of the pull
// request. dir, when set, is put before the file: annotations name files
// from the repository's root, findings from the project's.
func (f Finding) Annotation(dir string) string {
	kind := "warning"
	if f.Severity == Error {
		kind = "error"
	}
	var props []string
	if f.File != "" {
		file := filepath.ToSlash(f.File)
		if dir != "" && dir != "." {
			file = strings.TrimSuffix(dir, "/") + "/" + file
		}
		props = append(props, "file="+escapeProperty(file))
		if f.Line > 0 {
			props = append(props, "line="+strconv.Itoa(f.Line))
		}
	}
	props = append(props, "title="+escapeProperty(f.Rule))
	msg := f.Message
	if f.Hint != "" && !strings.Contains(msg, f.Hint) {
		msg += "\n" + f.Hint
	}
	return "::" + kind + " " + strings.Join(props, ",") + "::" + escapeData(msg)
}

// escapeData escapes a workflow command's message as the runner
// unescapes it: %, CR and LF.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a property value: as data, plus the ':' and ','
// that end a value.
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
