//go:build !linux

package atomicfile

import "os"

// startWriteback has no portable equivalent: the later fsync does the
// whole work.
func startWriteback(*os.File) {}
