package content

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/pkpm-btn3/pkpm/internal/diag"
)

var wib = time.FixedZone("WIB", 7*3600)

// post wraps a body in a minimal valid front matter: three lines, so the
// body's first line is file line 4.
func post(body string) []byte {
	return []byte("---\ntitle: Judul\n---\n" + body)
}

func mustParse(t *testing.T, file string, src []byte) *Article {
	t.Helper()
	a, err := Parse(file, src, wib)
	if err != nil {
		t.Fatalf("Parse: unexpected error: %v", err)
	}
	return a
}

// parseError parses src expecting an error diagnostic, and returns it.
func parseError(t *testing.T, file string, src []byte) diag.Diagnostic {
	t.Helper()
	a, err := Parse(file, src, wib)
	if err == nil {
		t.Fatalf("Parse: want an error, got none (article %+v)", a.Meta)
	}
	var d diag.Diagnostic
	if !errors.As(err, &d) {
		t.Fatalf("Parse: error %T %v is not a diag.Diagnostic", err, err)
	}
	if d.Severity != diag.Error || d.File != file {
		t.Fatalf("Parse: diagnostic %#v: want severity error and file %q", d, file)
	}
	return d
}

// checkError asserts the error's line and that its message holds each part.
func checkError(t *testing.T, d diag.Diagnostic, line int, parts ...string) {
	t.Helper()
	if d.Line != line {
		t.Errorf("line = %d, want %d (message: %s)", d.Line, line, d.Message)
	}
	for _, p := range parts {
		if !strings.Contains(d.Message, p) {
			t.Errorf("message %q does not contain %q", d.Message, p)
		}
	}
}

// warnings renders warnings as "line: message" for comparison.
func warnings(a *Article) []string {
	var out []string
	for _, w := range a.Warnings {
		if w.Severity != diag.Warning || w.File != a.File {
			out = append(out, "BAD SEVERITY OR FILE: "+w.String())
			continue
		}
		out = append(out, strings.TrimPrefix(w.String(), a.File+":"))
	}
	return out
}
