package cli

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/pkpm-btn3/pkpm/internal/lock"
)

// lockWait is how long a command that changes posts or the plan waits for
// another one to finish; PKPM_LOCK_WAIT (a duration, like 30s) changes it.
const lockWait = 5 * time.Second

// lockProject takes the project lock, dist/.pkpm.lock, for a command that
// changes posts or the plan (schedule, mark, new): each reads the plan,
// decides, and writes, and two at once would decide on the same plan.
// dist/ holds it because it is generated and ignored by git already.
func (g *globals) lockProject() (release func(), err error) {
	p, err := g.openProject()
	if err != nil {
		return nil, err
	}
	wait := lockWait
	if g.streams.Environ != nil {
		if d, err := time.ParseDuration(strings.TrimSpace(g.streams.Environ("PKPM_LOCK_WAIT"))); err == nil && d >= 0 {
			wait = d
		}
	}
	path := filepath.Join(p.root, "dist", ".pkpm.lock")
	l, err := lock.Acquire(path, g.line, wait)
	var busy *lock.BusyError
	if errors.As(err, &busy) {
		cwd, _ := os.Getwd()
		busy.Path = relTo(cwd, path)
	}
	if err != nil {
		return nil, err
	}
	return l.Release, nil
}
