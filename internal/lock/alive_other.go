//go:build !unix

package lock

import "os"

// alive reports whether a process with this pid exists, as far as the
// system says; where it cannot tell, the lock is taken as held.
func alive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	p.Release()
	return true
}
