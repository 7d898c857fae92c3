package cli

import (
	"io"
	"os"
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
}

// System returns the process's streams.
func System() *Streams {
	tty := isTerminal(os.Stderr)
	return &Streams{In: os.Stdin, Out: os.Stdout, Err: os.Stderr, ErrTTY: tty, Color: tty && os.Getenv("NO_COLOR") == "", Environ: os.Getenv}
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
