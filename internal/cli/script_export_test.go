package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/pkpm-btn3/pkpm/internal/export"
)

// bundlesok <dir> [min]: every bundle folder under dir matches its manifest
// and its zip, and there are at least min of them (default 1).
func cmdBundlesOK(ts *testscript.TestScript, neg bool, args []string) {
	noNeg(ts, neg, "bundlesok")
	if len(args) < 1 {
		ts.Fatalf("usage: bundlesok <dir> [min]")
	}
	dir := ts.MkAbs(args[0])
	want := 1
	if len(args) > 1 {
		want = atoi(ts, args[1])
	}
	ents, err := os.ReadDir(dir)
	ts.Check(err)
	n := 0
	for _, e := range ents {
		if e.IsDir() && e.Name()[0] != '.' {
			if err := export.Verify(filepath.Join(dir, e.Name())); err != nil {
				ts.Fatalf("bundle %s: %v", e.Name(), err)
			}
			n++
		}
	}
	if n < want {
		ts.Fatalf("%d bundles in %s, want at least %d", n, dir, want)
	}
}

// interrupt <delay> <INT|KILL> <program> [args...]: starts program, sends
// it the signal after delay (if it is still running), waits, and fails if
// it crashed instead of stopping: an interrupted run must end on its own
// terms, or at least leave whole output, whenever the signal lands.
func cmdInterrupt(ts *testscript.TestScript, neg bool, args []string) {
	noNeg(ts, neg, "interrupt")
	if len(args) < 3 {
		ts.Fatalf("usage: interrupt <delay> <INT|KILL> <program> [args...]")
	}
	delay, err := time.ParseDuration(args[0])
	ts.Check(err)
	sig := map[string]os.Signal{"INT": os.Interrupt, "KILL": os.Kill}[args[1]]
	if sig == nil {
		ts.Fatalf("unknown signal %q", args[1])
	}
	path, err := lookPath(ts, args[2])
	ts.Check(err)
	cmd := exec.Command(path, args[3:]...)
	cmd.Dir = ts.Getenv("WORK")
	cmd.Env = scriptEnv(ts)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	ts.Check(cmd.Start())
	time.Sleep(delay)
	_ = cmd.Process.Signal(sig)
	err = cmd.Wait()
	ts.Logf("after %s: %v\n%s", delay, err, stderr.String())
	if strings.Contains(stderr.String(), "panic") {
		ts.Fatalf("%s panicked when interrupted", args[2])
	}
}

// lookPath finds a program on the script's PATH, where testscript puts pkpm.
func lookPath(ts *testscript.TestScript, name string) (string, error) {
	for _, dir := range filepath.SplitList(ts.Getenv("PATH")) {
		p := filepath.Join(dir, name)
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p, nil
		}
	}
	return "", exec.ErrNotFound
}

// scriptEnv is the script's environment, for processes started by hand.
func scriptEnv(ts *testscript.TestScript) []string {
	var env []string
	for _, k := range []string{"PATH", "HOME", "WORK", "TMPDIR", "NO_COLOR", "GOCOVERDIR"} {
		env = append(env, k+"="+ts.Getenv(k))
	}
	// testscript runs its commands by re-executing the test binary; these
	// variables tell it which command it is.
	for _, kv := range os.Environ() {
		if strings.HasPrefix(kv, "TESTSCRIPT_") || strings.HasPrefix(kv, "GO_TESTSCRIPT") {
			env = append(env, kv)
		}
	}
	return env
}
