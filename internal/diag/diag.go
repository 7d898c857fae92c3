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
	// Err is the cause, when the problem came from another error (a YAML
	// syntax error, a file that could not be read).
	Err error `json:"-"`
}

// Pos is where the diagnostic is.
func (d Diagnostic) Pos() Pos { return Pos{d.File, d.Line} }

// String formats the diagnostic the way compilers do, so editors can jump
// to it: "file:line: message".
func (d Diagnostic) String() string {
	if d.File == "" {
		return d.Message
	}
	return d.Pos().String() + ": " + d.Message
}

// Error makes an error-severity diagnostic usable as an error value.
func (d Diagnostic) Error() string { return d.String() }

// Unwrap returns the cause, if any.
func (d Diagnostic) Unwrap() error { return d.Err }

// Errorf builds an error diagnostic.
func Errorf(file string, line int, format string, args ...any) Diagnostic {
	return Diagnostic{File: file, Line: line, Severity: Error, Message: fmt.Sprintf(format, args...)}
}

// Warnf builds a warning diagnostic.
func Warnf(file string, line int, format string, args ...any) Diagnostic {
	return Diagnostic{File: file, Line: line, Severity: Warning, Message: fmt.Sprintf(format, args...)}
}
