// Package diag owns the diagnostics every stage reports: a problem at a
// place in a file, with a severity. It knows nothing about posts or slides.
package diag

import "fmt"

// Severity says whether a diagnostic stops a post from building.
type Severity int

const (
	Warning Severity = iota
	Error
)

func (s Severity) String() string {
	if s == Error {
		return "error"
	}
	return "warning"
}

// Diagnostic is one problem found in a file. Line is 1-based; 0 means the
// problem belongs to the whole file.
type Diagnostic struct {
	File     string   `json:"file"`
	Line     int      `json:"line,omitempty"`
	Severity Severity `json:"-"`
	Message  string   `json:"message"`
}

// String formats the diagnostic the way compilers do, so editors can jump
// to it: "file:line: message".
func (d Diagnostic) String() string {
	switch {
	case d.File == "":
		return d.Message
	case d.Line > 0:
		return fmt.Sprintf("%s:%d: %s", d.File, d.Line, d.Message)
	default:
		return fmt.Sprintf("%s: %s", d.File, d.Message)
	}
}

// Error makes an error-severity diagnostic usable as an error value.
func (d Diagnostic) Error() string { return d.String() }

// Errorf builds an error diagnostic.
func Errorf(file string, line int, format string, args ...any) Diagnostic {
	return Diagnostic{File: file, Line: line, Severity: Error, Message: fmt.Sprintf(format, args...)}
}

// Warnf builds a warning diagnostic.
func Warnf(file string, line int, format string, args ...any) Diagnostic {
	return Diagnostic{File: file, Line: line, Severity: Warning, Message: fmt.Sprintf(format, args...)}
}
