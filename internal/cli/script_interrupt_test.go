package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"image"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/pkpm-btn3/pkpm/internal/build"
)

// manyposts <n>: writes n posts of a few slides each into posts/, a
// project big enough that a build or export takes many seconds.
func cmdManyPosts(ts *testscript.TestScript, neg bool, args []string) {
	noNeg(ts, neg, "manyposts")
	if len(args) != 1 {
		ts.Fatalf("usage: manyposts <n>")
	}
	dir := ts.MkAbs("posts")
	ts.Check(os.MkdirAll(dir, 0o755))
	for i := range atoi(ts, args[0]) {
		day := time.Date(2020, 8, 1, 19, 0, 0, 0, time.UTC).AddDate(0, 0, i)
		post := fmt.Sprintf("---\ntitle: Pos Nomor %d tentang Masker\ndate: %s\nstatus: ready\n---\n\n"+
			"Pembuka pos %d: pakai masker dan cuci tangan.\n\n## Langkah satu\n\nCuci tangan dengan sabun.\n\n"+
			"## Langkah dua\n\nPakai masker yang menutup hidung dan mulut.\n", i, day.Format("2006-01-02 15:04"), i)
		ts.Check(os.WriteFile(filepath.Join(dir, fmt.Sprintf("pos-%03d.md", i)), []byte(post), 0o644))
	}
}

// stopafter <delay> <program> [args...]: starts program, sends it
// SIGINT after delay, and waits. It fails unless program ends with exit
// code 1 and says it was interrupted. Its stderr is kept in stopped.err;
// the time from the signal to the exit is logged. An interrupted command
// must stop, not finish its work: the script then shows how much was
// left undone and that what was written is whole.
func cmdStopAfter(ts *testscript.TestScript, neg bool, args []string) {
	noNeg(ts, neg, "stopafter")
	if len(args) < 2 {
		ts.Fatalf("usage: stopafter <delay> <program> [args...]")
	}
	delay, err := time.ParseDuration(args[0])
	ts.Check(err)
	path, err := lookPath(ts, args[1])
	ts.Check(err)
	cmd := exec.Command(path, args[2:]...)
	cmd.Dir = ts.Getenv("WORK")
	cmd.Env = scriptEnv(ts)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	ts.Check(cmd.Start())
	time.Sleep(delay)
	ts.Check(cmd.Process.Signal(syscall.SIGINT))
	sent := time.Now()
	err = cmd.Wait()
	ts.Logf("exited %s after the signal: %v\n%s", time.Since(sent).Round(time.Millisecond), err, stderr.String())
	ts.Check(os.WriteFile(ts.MkAbs("stopped.err"), []byte(stderr.String()), 0o644))
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != ExitFailure {
		ts.Fatalf("%s ended with %v, want exit code %d", args[1], err, ExitFailure)
	}
	if !strings.Contains(stderr.String(), "interrupted") {
		ts.Fatalf("%s did not say it was interrupted", args[1])
	}
}

// slidesok <dir> <max>: every post folder under dir (dist/slides) is
// whole: its slides.json lists slides that all exist and decode at their
// recorded size. There are at most max folders: fewer than the posts
// shows the build stopped before its work was done.
func cmdSlidesOK(ts *testscript.TestScript, neg bool, args []string) {
	noNeg(ts, neg, "slidesok")
	if len(args) != 2 {
		ts.Fatalf("usage: slidesok <dir> <max>")
	}
	dir := ts.MkAbs(args[0])
	ents, err := os.ReadDir(dir)
	if err != nil && !os.IsNotExist(err) {
		ts.Fatalf("%v", err)
	}
	n := 0
	for _, e := range ents {
		if !e.IsDir() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		n++
		checkSlideFolder(ts, filepath.Join(dir, e.Name()))
	}
	ts.Logf("%d post folders in %s", n, args[0])
	if max := atoi(ts, args[1]); n > max {
		ts.Fatalf("%d post folders in %s, want at most %d", n, args[0], max)
	}
}

func checkSlideFolder(ts *testscript.TestScript, dir string) {
	data, err := os.ReadFile(filepath.Join(dir, "slides.json"))
	if err != nil {
		ts.Fatalf("%s: %v", dir, err)
	}
	var m build.Manifest
	if err := json.Unmarshal(data, &m); err != nil || len(m.Slides) == 0 {
		ts.Fatalf("%s/slides.json: %v (%d slides)", dir, err, len(m.Slides))
	}
	for _, s := range m.Slides {
		f, err := os.Open(filepath.Join(dir, s.File))
		if err != nil {
			ts.Fatalf("%v", err)
		}
		cfg, _, err := image.DecodeConfig(f)
		f.Close()
		if err != nil || cfg.Width != s.Width || cfg.Height != s.Height {
			ts.Fatalf("%s/%s: %v, %d×%d, want %d×%d", dir, s.File, err, cfg.Width, cfg.Height, s.Width, s.Height)
		}
	}
}

// countdirs <dir> <max>: dir holds at most max folders (dot folders
// aside).
func cmdCountDirs(ts *testscript.TestScript, neg bool, args []string) {
	noNeg(ts, neg, "countdirs")
	if len(args) != 2 {
		ts.Fatalf("usage: countdirs <dir> <max>")
	}
	ents, err := os.ReadDir(ts.MkAbs(args[0]))
	if err != nil && !os.IsNotExist(err) {
		ts.Fatalf("%v", err)
	}
	n := 0
	for _, e := range ents {
		if e.IsDir() && !strings.HasPrefix(e.Name(), ".") {
			n++
		}
	}
	ts.Logf("%d folders in %s", n, args[0])
	if n > atoi(ts, args[1]) {
		ts.Fatalf("%d folders in %s, want at most %s", n, args[0], args[1])
	}
}
