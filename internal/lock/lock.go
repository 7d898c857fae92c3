// Package lock owns the project lock: a file holding the pid of the one
// pkpm command allowed to change posts or the plan at a time, so that two
// people running `pkpm schedule --next` at once do not take the same slot.
// It knows nothing about posts or plans.
package lock

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Lock is a held project lock.
type Lock struct {
	path string
	mine []byte // what this process wrote, to release only its own lock
}

// Holder is what a lock file says about the command that holds it.
type Holder struct {
	PID     int
	Command string
	Since   time.Time
}

// BusyError is a lock still held by another process after the wait.
type BusyError struct {
	Path   string
	Holder Holder
}

func (e *BusyError) Error() string {
	h := e.Holder
	who := "another pkpm command"
	if h.Command != "" {
		who = "`" + h.Command + "`"
	}
	since := ""
	if !h.Since.IsZero() {
		since = " since " + h.Since.Format("15:04:05")
	}
	return fmt.Sprintf("the project is busy: %s (pid %d) has held %s%s; run this again when it is done, or delete that file if no pkpm is running",
		who, h.PID, e.Path, since)
}

// poll is how often a waiting command looks at the lock again.
const poll = 25 * time.Millisecond

// Acquire takes the lock file at path for command, waiting up to wait for
// another holder to finish. A lock whose process is gone is broken.
func Acquire(path, command string, wait time.Duration) (*Lock, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, err
	}
	mine := []byte(fmt.Sprintf("%d\n%s\n%s\n", os.Getpid(), command, time.Now().Format(time.RFC3339)))
	deadline := time.Now().Add(wait)
	for {
		err := create(path, mine)
		if err == nil {
			return &Lock{path: path, mine: mine}, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil, fmt.Errorf("taking the project lock %s: %w", path, err)
		}
		held, err := os.ReadFile(path)
		if errors.Is(err, fs.ErrNotExist) {
			continue // released just now
		}
		h, ok := parse(held)
		if ok && !alive(h.PID) || !ok && old(path) {
			breakStale(path, held)
			continue
		}
		if time.Now().After(deadline) {
			return nil, &BusyError{Path: path, Holder: h}
		}
		time.Sleep(poll)
	}
}

// Release removes the lock file if it is still this process's.
func (l *Lock) Release() {
	if l == nil {
		return
	}
	if held, err := os.ReadFile(l.path); err == nil && bytes.Equal(held, l.mine) {
		os.Remove(l.path)
	}
}

// create writes the lock file only if there is none: O_EXCL makes taking
// it one step that only one process can win.
func create(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, werr := f.Write(data)
	if err := f.Close(); werr == nil {
		werr = err
	}
	if werr != nil {
		os.Remove(path)
	}
	return werr
}

// breakStale removes a lock left by a process that is gone. It moves the
// file aside first and checks it is the one it saw, so that a lock another
// process took in the meantime is put back, not deleted.
func breakStale(path string, seen []byte) {
	aside := fmt.Sprintf("%s.stale-%d", path, os.Getpid())
	if os.Rename(path, aside) != nil {
		return // someone else broke or released it
	}
	if got, err := os.ReadFile(aside); err == nil && !bytes.Equal(got, seen) {
		os.Link(aside, path) // a live lock: restore it unless a newer one is there
	}
	os.Remove(aside)
}

// parse reads a lock file: pid, command, start time, one a line.
func parse(b []byte) (Holder, bool) {
	lines := strings.Split(string(b), "\n")
	pid, err := strconv.Atoi(strings.TrimSpace(lines[0]))
	if err != nil || pid <= 0 {
		return Holder{}, false
	}
	h := Holder{PID: pid}
	if len(lines) > 1 {
		h.Command = strings.TrimSpace(lines[1])
	}
	if len(lines) > 2 {
		h.Since, _ = time.Parse(time.RFC3339, strings.TrimSpace(lines[2]))
	}
	return h, true
}

// old reports whether an unreadable lock file (a holder killed while
// writing it) is old enough that its writer cannot still be at work.
func old(path string) bool {
	st, err := os.Stat(path)
	return err == nil && time.Since(st.ModTime()) > 2*time.Second
}
