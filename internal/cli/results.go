package cli

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/pkpm-btn3/pkpm/internal/build"
	"github.com/pkpm-btn3/pkpm/internal/diag"
)

// printResults prints each post's problems. A problem in a file many
// posts share (a template, pkpm.yaml) is printed once, after the posts'
// own, followed by how many posts it stopped: not once per post.
func printResults(s *Streams, results []build.PostResult) {
	var shared []*sharedProblem
	byText := map[string]*sharedProblem{}
	for _, r := range results {
		var own []diag.Diagnostic
		for _, d := range r.Diags {
			if d.File == "" || filepath.ToSlash(d.File) == filepath.ToSlash(r.File) {
				own = append(own, d)
				continue
			}
			p := byText[d.String()]
			if p == nil {
				p = &sharedProblem{d: d}
				byText[d.String()] = p
				shared = append(shared, p)
			}
			if d.Severity == diag.Error {
				p.stopped = append(p.stopped, filepath.ToSlash(r.File))
			}
		}
		printDiags(s, own)
	}
	for _, p := range shared {
		printDiags(s, []diag.Diagnostic{p.d})
		if len(p.stopped) > 0 {
			fmt.Fprintf(s.Err, "  this stopped %d %s: %s\n", len(p.stopped), plural(len(p.stopped), "post"), listSome(p.stopped, 3))
		}
	}
}

// sharedProblem is a problem in a file other than the posts it stops.
type sharedProblem struct {
	d       diag.Diagnostic
	stopped []string // post files
}

// listSome names the first n items and counts the rest.
func listSome(items []string, n int) string {
	if len(items) <= n {
		return strings.Join(items, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(items[:n], ", "), len(items)-n)
}
