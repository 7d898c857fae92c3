package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/pkpm-btn3/pkpm/internal/build"
	"github.com/pkpm-btn3/pkpm/internal/calendar"
	"github.com/pkpm-btn3/pkpm/internal/check"
	"github.com/pkpm-btn3/pkpm/internal/diag"
	projectpkg "github.com/pkpm-btn3/pkpm/internal/project"
	"github.com/pkpm-btn3/pkpm/internal/render"
)

// CheckOptions are the options of `pkpm check`.
type CheckOptions struct {
	g      *globals
	Posts  []string
	Format string
}

func newCheckCmd(g *globals) *cobra.Command {
	opts := &CheckOptions{g: g}
	cmd := &cobra.Command{
		Use:   "check [<post>...]",
		Short: "Check posts against Instagram's rules before they go out",
		Long: `Check posts, their rendered slides and the calendar against Instagram's
limits and pkpm's readability rules, and print findings like a compiler:

  posts/x.md:12: error caption-length: caption is 2,340 characters; Instagram allows 2,200

--format json prints them as a JSON array; --format github as GitHub
Actions workflow commands, which show each finding on its line of a pull
request. Exits 3 when any error is found. Nothing is written.`,
		Example: `  $ pkpm check
  $ pkpm check posts/cara-memakai-masker.md
  $ pkpm check --format json > findings.json
  $ pkpm check --format github`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Posts = args
			switch opts.Format {
			case "text", "json", "github":
			default:
				return usageError("unknown format %q; use `text`, `json` or `github`", opts.Format)
			}
			return checkRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Format, "format", "text", "output format: text, json or github")
	return cmd
}

func checkRun(opts *CheckOptions) error {
	s := opts.g.streams
	p, posts, err := opts.g.openPosts(opts.Posts)
	if err != nil {
		return err
	}
	findings, err := runChecks(opts.g, p, posts, len(opts.Posts) == 0)
	if opts.g.context().Err() != nil {
		return interrupted("check", "nothing was checked to the end; check writes nothing")
	}
	if err != nil {
		return err
	}
	if err := writeFindings(s, opts.Format, findings, annotationDir(opts.g, p.root)); err != nil {
		return err
	}
	errs, warns := check.Count(findings)
	if !opts.g.quiet {
		fmt.Fprintf(s.Err, "checked %d %s: %d %s, %d %s\n", len(posts), plural(len(posts), "post"), errs, plural(errs, "error"), warns, plural(warns, "warning"))
	}
	if errs > 0 {
		return silent(ExitCheck)
	}
	return nil
}

func writeFindings(s *Streams, format string, findings []check.Finding, dir string) error {
	switch format {
	case "json":
		enc := json.NewEncoder(s.Out)
		enc.SetIndent("", "  ")
		if findings == nil {
			findings = []check.Finding{}
		}
		return enc.Encode(findings)
	case "github":
		for _, f := range findings {
			if _, err := fmt.Fprintln(s.Out, f.Annotation(dir)); err != nil {
				return err
			}
		}
		return nil
	}
	for _, f := range findings {
		if _, err := fmt.Fprintln(s.Out, paintFinding(s, f)); err != nil {
			return err
		}
	}
	return nil
}

// annotationDir is the project's folder relative to the checked-out
// repository ($GITHUB_WORKSPACE), as annotations name files from there;
// "" when the project is the repository or is not inside it.
func annotationDir(g *globals, root string) string {
	ws := g.streams.Environ("GITHUB_WORKSPACE")
	if ws == "" {
		return ""
	}
	rel, err := filepath.Rel(ws, root)
	if err != nil || rel == "." || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return ""
	}
	return filepath.ToSlash(rel)
}

// openPosts opens the project and turns arguments into post files, or
// lists every post when there are none.
func (g *globals) openPosts(args []string) (*project, []string, error) {
	p, err := g.openProject()
	if err != nil {
		return nil, nil, err
	}
	if len(args) == 0 {
		posts, err := g.findPosts(p)
		if err == nil && len(posts) == 0 {
			err = fmt.Errorf("no posts in %s/posts; write one as posts/<slug>.md", p.root)
		}
		return p, posts, err
	}
	cwd, _ := os.Getwd()
	posts, err := projectpkg.Resolve(p.root, cwd, args)
	if err != nil {
		return nil, nil, usageError("%v", err)
	}
	return p, posts, nil
}

// runChecks applies every rule to the posts, the calendar's included.
// whole is set when every post is checked: then the calendar's findings
// about calendar.yaml itself count too.
func runChecks(g *globals, p *project, posts []string, whole bool) ([]check.Finding, error) {
	found := newFindings(p)
	if err := inspect(g.context(), p, posts, false, found.add); err != nil {
		return nil, err
	}
	fs := found.done()
	pl, err := g.openPlan()
	if err != nil {
		return nil, err
	}
	fs = append(fs, calendarFindings(pl, posts, whole)...)
	check.Sort(fs)
	return fs, nil
}

// calendarFindings runs the calendar's rules over the whole plan and keeps
// those about the posts checked. Posts that do not parse are reported by
// the build rules already.
func calendarFindings(pl *plan, posts []string, whole bool) []check.Finding {
	files := map[string]bool{}
	for _, f := range posts {
		files[filepath.ToSlash(f)] = true
		files[f] = true
	}
	var keep []check.Finding
	for _, f := range calendar.Check(pl.cal, pl.posts, pl.now) {
		if whole && f.File == calendar.FileName || check.About(f, files) {
			keep = append(keep, f)
		}
	}
	return keep
}

// inspect hands each post, built, to each as soon as it is done, so only
// the posts being built are in memory. Slides built in dist/ are read from
// there and not drawn again; the others are drawn, and written only when
// write is set (check writes nothing).
func inspect(ctx context.Context, p *project, posts []string, write bool, each func(build.PostResult)) error {
	build.HoldMemoryBound()
	_, err := build.Run(ctx, build.Options{Root: p.root, Project: p.cfg, Posts: posts, Out: filepath.Join(p.root, "dist"),
		Format: render.JPEG, DryRun: !write, Inspect: true, Heads: true, Each: each})
	return err
}

// findingsFor applies every rule to an inspected post; a post that failed
// to build is one error finding per problem.
func findingsFor(p *project, r build.PostResult) []check.Finding {
	fs := newFindings(p)
	fs.add(r)
	return fs.done()
}

// findings gathers the findings of inspected posts as they come. A
// problem in a file the posts share (a template, pkpm.yaml) is one
// finding that says how many posts it stops, not one per post.
type findings struct {
	settings check.Settings
	list     []check.Finding
	shared   map[string]int // the problem → its finding
	stops    map[int]int    // its finding → the posts it stops
}

func newFindings(p *project) *findings {
	return &findings{settings: check.Settings{MaxHashtags: p.cfg.Instagram.MaxHashtags}, shared: map[string]int{}, stops: map[int]int{}}
}

// add applies every rule to a post; a post that failed to build is one
// error finding per problem.
func (fs *findings) add(r build.PostResult) {
	if r.Err == nil {
		fs.list = append(fs.list, check.Run(build.CheckPost(r), fs.settings)...)
		return
	}
	for _, d := range r.Diags {
		if d.Severity != diag.Error {
			continue
		}
		if i, seen := fs.shared[d.String()]; seen {
			fs.stops[i]++
			continue
		}
		if d.File != "" && filepath.ToSlash(d.File) != filepath.ToSlash(r.File) {
			fs.shared[d.String()] = len(fs.list)
			fs.stops[len(fs.list)] = 1
		}
		fs.list = append(fs.list, check.Finding{File: d.File, Line: d.Line, Severity: diag.Error, Level: "error",
			Rule: check.Build.ID, Message: d.Message, Hint: check.Build.Hint})
	}
}

// done says how many posts each shared problem stops, and sorts.
func (fs *findings) done() []check.Finding {
	for i, n := range fs.stops {
		fs.list[i].Message += fmt.Sprintf("; this stops %d %s", n, plural(n, "post"))
	}
	check.Sort(fs.list)
	return fs.list
}

func paintFinding(s *Streams, f check.Finding) string {
	line := f.String()
	if s.Color {
		code := "33"
		if f.Severity == diag.Error {
			code = "31"
		}
		line = s.paint(code, line)
	}
	if hint := f.ExtraHint(); hint != "" {
		return line + "\n    " + hint
	}
	return line
}
