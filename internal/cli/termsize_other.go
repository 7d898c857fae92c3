//go:build !unix

package cli

import "os"

// terminalColumns cannot ask the terminal here; COLUMNS or the default
// decides.
func terminalColumns(*os.File) int { return 0 }
