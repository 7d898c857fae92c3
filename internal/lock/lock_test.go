package lock

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestSecondHolderWaitsThenSaysWho(t *testing.T) {
	path := filepath.Join(t.TempDir(), "dist", ".pkpm.lock")
	first, err := Acquire(path, "pkpm schedule a --next", time.Second)
	if err != nil {
		t.Fatal(err)
	}
	held, _ := os.ReadFile(path)
	if !strings.HasPrefix(string(held), fmt.Sprintf("%d\n", os.Getpid())) {
		t.Fatalf("lock file holds %q, want the pid first", held)
	}
	_, err = Acquire(path, "pkpm mark b ready", 50*time.Millisecond)
	var busy *BusyError
	if !errors.As(err, &busy) || busy.Holder.PID != os.Getpid() || busy.Holder.Command != "pkpm schedule a --next" {
		t.Fatalf("second Acquire: %v, want busy with the first's pid and command", err)
	}
	if msg := err.Error(); !strings.Contains(msg, "`pkpm schedule a --next`") || !strings.Contains(msg, path) {
		t.Errorf("message %q does not say who holds which file", msg)
	}
	first.Release()
	second, err := Acquire(path, "pkpm mark b ready", 0)
	if err != nil {
		t.Fatalf("after Release: %v", err)
	}
	second.Release()
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("Release left the lock file: %v", err)
	}
}

func TestWaiterGetsTheLockWhenReleased(t *testing.T) {
	path := filepath.Join(t.TempDir(), ".pkpm.lock")
	first, err := Acquire(path, "first", 0)
	if err != nil {
		t.Fatal(err)
	}
	go func() {
		time.Sleep(100 * time.Millisecond)
		first.Release()
	}()
	second, err := Acquire(path, "second", time.Minute)
	if err != nil {
		t.Fatalf("waiting Acquire: %v", err)
	}
	second.Release()
}

func TestStaleLocksAreBroken(t *testing.T) {
	dead := exec.Command("true")
	if err := dead.Run(); err != nil {
		t.Skip("no `true` to make a finished process:", err)
	}
	for name, content := range map[string]string{
		"dead pid":     fmt.Sprintf("%d\npkpm schedule x --next\n2020-08-03T10:00:00+07:00\n", dead.Process.Pid),
		"half-written": "",
		"not a pid":    "garbage\n",
	} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), ".pkpm.lock")
			if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
			past := time.Now().Add(-time.Minute)
			os.Chtimes(path, past, past)
			l, err := Acquire(path, "pkpm new", 0)
			if err != nil {
				t.Fatalf("stale lock not broken: %v", err)
			}
			l.Release()
			left, _ := filepath.Glob(path + "*")
			if len(left) > 0 {
				t.Errorf("left behind: %v", left)
			}
		})
	}
}

// Release never removes a lock another process holds now.
func TestReleaseKeepsAnotherHoldersLock(t *testing.T) {
	path := filepath.Join(t.TempDir(), ".pkpm.lock")
	l, err := Acquire(path, "mine", 0)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(path, []byte("1\nsomeone else\n"), 0o644)
	l.Release()
	if _, err := os.Stat(path); err != nil {
		t.Errorf("Release removed another holder's lock: %v", err)
	}
}
