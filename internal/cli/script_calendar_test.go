package cli

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/rogpeppe/go-internal/testscript"
)

// difflines <old> <new>: prints the lines that differ between two files,
// "-N: old line" then "+N: new line", a carriage return shown as \r, so a
// script can check with cmp that an edit changed exactly one line.
func cmdDiffLines(ts *testscript.TestScript, neg bool, args []string) {
	noNeg(ts, neg, "difflines")
	if len(args) != 2 {
		ts.Fatalf("usage: difflines <old> <new>")
	}
	a := splitKeep([]byte(ts.ReadFile(args[0])))
	b := splitKeep([]byte(ts.ReadFile(args[1])))
	pre := 0
	for pre < len(a) && pre < len(b) && bytes.Equal(a[pre], b[pre]) {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && bytes.Equal(a[len(a)-1-suf], b[len(b)-1-suf]) {
		suf++
	}
	show := strings.NewReplacer("\r", `\r`, "\n", "")
	for i := pre; i < len(a)-suf; i++ {
		fmt.Fprintf(ts.Stdout(), "-%d: %s\n", i+1, show.Replace(string(a[i])))
	}
	for i := pre; i < len(b)-suf; i++ {
		fmt.Fprintf(ts.Stdout(), "+%d: %s\n", i+1, show.Replace(string(b[i])))
	}
}

// splitKeep cuts b into lines, each keeping its line ending.
func splitKeep(b []byte) [][]byte {
	var out [][]byte
	for len(b) > 0 {
		i := bytes.IndexByte(b, '\n')
		if i < 0 {
			out = append(out, b)
			break
		}
		out = append(out, b[:i+1])
		b = b[i+1:]
	}
	return out
}
