package cli

import (
	"io"
	"os"
	"strconv"
	"strings"
)

// Streams are where a command reads and writes. Data goes to Out;
// progress and problems go to Err.
type Streams struct {
	In      io.Reader
	Out     io.Writer
	Err     io.Writer
	ErrTTY  bool // Err is a terminal: show progress
	Color   bool
	Environ func(string) string
	// OutColumns is the width of the terminal Out is, 0 when it is none.
	OutColumns func() int
}

// System returns the process's streams. PKPM_FORCE_TTY (any value) makes
// stderr count as a terminal, for a terminal pkpm cannot see as one (an
// editor's or a CI log that shows progress), and for tests.
func System() *Streams {
	tty := isTerminal(os.Stderr) || os.Getenv("PKPM_FORCE_TTY") != ""
	return &Streams{In: os.Stdin, Out: os.Stdout, Err: os.Stderr, ErrTTY: tty, Color: tty && os.Getenv("NO_COLOR") == "", Environ: os.Getenv,
		OutColumns: func() int { return terminalColumns(os.Stdout) }}
}

func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// paint wraps s in an ANSI colour when colour is on.
func (s *Streams) paint(code, text string) string {
	if !s.Color {
		return text
	}
	return "\x1b[" + code + "m" + text + "\x1b[0m"
}

// columns is the width to draw for: the terminal's when Out is one, else
// COLUMNS (what shells export and what tests and pipes can set), else 80.
func (s *Streams) columns() int {
	if s.OutColumns != nil {
		if n := s.OutColumns(); n > 0 {
			return n
		}
	}
	if s.Environ != nil {
		if n, err := strconv.Atoi(strings.TrimSpace(s.Environ("COLUMNS"))); err == nil && n > 0 {
			return n
		}
	}
	return 80
}
