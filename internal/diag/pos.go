package diag

import "fmt"

// Pos is a place in a file: its path and 1-based line, 0 for the whole
// file.
type Pos struct {
	File string
	Line int
}

// String is "file:line", "file", or "" for no place, the way compilers
// print places so editors can jump to them.
func (p Pos) String() string {
	switch {
	case p.File == "":
		return ""
	case p.Line > 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	default:
		return p.File
	}
}
