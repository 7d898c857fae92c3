package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/pkpm-btn3/pkpm/internal/build"
	"github.com/pkpm-btn3/pkpm/internal/diag"
	projectpkg "github.com/pkpm-btn3/pkpm/internal/project"
	"github.com/pkpm-btn3/pkpm/internal/render"
)

// BuildOptions are the options of `pkpm build`.
type BuildOptions struct {
	g      *globals
	Posts  []string
	Out    string
	Format string
	Force  bool
	// now is injected so tests get stable summaries.
	now func() time.Time
}

func newBuildCmd(g *globals, runF func(*BuildOptions) error) *cobra.Command {
	opts := &BuildOptions{g: g, now: time.Now}
	cmd := &cobra.Command{
		Use:   "build [<post>...]",
		Short: "Render posts into carousel images",
		Long: `Render posts into numbered carousel images under dist/slides/<slug>/.

Without arguments every post in posts/ is built, drafts included. A post is
named by its file or its slug. Each post's folder is replaced only when the
whole post has built, so a failed post keeps its previous images.

dist/ is the build's memory: slides.json records a fingerprint of everything
that shapes each slide (its text, template, brand kit, photos, size, format
and pkpm itself), and a slide whose fingerprint has not changed is not drawn
again. --force redraws every slide; deleting dist/ is always safe.`,
		Example: `  $ pkpm build
  $ pkpm build posts/cara-memakai-masker.md
  $ pkpm build cuci-tangan-6-langkah --format png --out /tmp/slides
  $ pkpm build --force`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Posts = args
			if _, err := render.ParseFormat(opts.Format); err != nil {
				return usageError("%v", err)
			}
			if runF != nil {
				return runF(opts)
			}
			return buildRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Out, "out", "", "output `folder` (default: dist in the project)")
	cmd.Flags().StringVar(&opts.Format, "format", "jpeg", "image format: jpeg or png")
	cmd.Flags().BoolVar(&opts.Force, "force", false, "draw every slide again, even those that have not changed")
	return cmd
}

func buildRun(opts *BuildOptions) error {
	s := opts.g.streams
	p, err := opts.g.openProject()
	if err != nil {
		return err
	}
	format, _ := render.ParseFormat(opts.Format)
	cwd, _ := os.Getwd()
	var posts []string
	if len(opts.Posts) > 0 {
		if posts, err = projectpkg.Resolve(p.root, cwd, opts.Posts); err != nil {
			return usageError("%v", err)
		}
	} else if posts, err = opts.g.findPosts(p); err != nil {
		return err
	}
	if len(posts) == 0 {
		return &exitError{code: ExitFailure, err: fmt.Errorf("no posts in %s; write one as posts/<slug>.md", filepath.Join(p.root, "posts"))}
	}
	out := opts.Out
	if out == "" {
		out = filepath.Join(p.root, "dist")
	} else if !filepath.IsAbs(out) {
		out = filepath.Join(cwd, out)
	}
	bar := newProgress(s, !opts.g.quiet && s.ErrTTY)
	start := opts.now()
	build.HoldMemoryBound()
	results, err := build.Run(opts.g.context(), build.Options{Root: p.root, Project: p.cfg, Posts: posts, Out: out, Format: format, Force: opts.Force, Progress: bar.update})
	bar.clear()
	if opts.g.context().Err() != nil {
		return interrupted("build", "the posts built so far are written whole, the others keep their previous slides; run it again for the rest")
	}
	if err != nil {
		return err
	}
	failed, drawn, reused := 0, 0, 0
	printResults(s, results)
	if len(opts.Posts) == 0 && opts.Out == "" {
		if err := pruneSlides(s, opts.g.quiet, out, results); err != nil {
			return err
		}
	}
	for _, r := range results {
		drawn += r.Drawn
		reused += r.Reused
		if r.Err != nil {
			failed++
		}
	}
	elapsed := opts.now().Sub(start)
	if failed > 0 {
		fmt.Fprintf(s.Err, "%s %d of %d posts: %s, in %s; %d failed\n", s.paint("31;1", "built"), len(results)-failed, len(results), slideCounts(drawn, reused), round(elapsed), failed)
		return silent(ExitFailure)
	}
	if !opts.g.quiet {
		fmt.Fprintf(s.Err, "%s %d %s: %s, in %s → %s\n", s.paint("32;1", "built"), len(results), plural(len(results), "post"), slideCounts(drawn, reused), round(elapsed), relTo(cwd, filepath.Join(out, "slides")))
	}
	return nil
}

// slideCounts says how many slides were drawn and how many were kept
// from the last build: "8 slides drawn, 1,822 unchanged".
func slideCounts(drawn, reused int) string {
	return fmt.Sprintf("%s %s drawn, %s unchanged", thousands(drawn), plural(drawn, "slide"), thousands(reused))
}

// printDiags prints problems as file:line: message, errors first.
func printDiags(s *Streams, ds []diag.Diagnostic) {
	for _, sev := range []diag.Severity{diag.Error, diag.Warning} {
		for _, d := range ds {
			if d.Severity != sev {
				continue
			}
			label := s.paint("33", "warning: ")
			if sev == diag.Error {
				label = s.paint("31", "error: ")
			}
			where := strings.TrimSuffix(diag.Diagnostic{File: d.File, Line: d.Line}.String(), ": ")
			if where != "" {
				where += ": "
			}
			fmt.Fprintf(s.Err, "%s%s%s\n", where, label, d.Message)
		}
	}
}

func round(d time.Duration) time.Duration {
	if d > time.Second {
		return d.Round(10 * time.Millisecond)
	}
	return d.Round(time.Millisecond)
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

func relTo(base, path string) string {
	if r, err := filepath.Rel(base, path); err == nil && !strings.HasPrefix(r, "..") {
		return r
	}
	return path
}

// pruneSlides removes the slide folders of posts that are gone, after a
// build of every post into the project's own dist: a folder given with
// `--out` may hold what other projects built.
func pruneSlides(s *Streams, quiet bool, out string, results []build.PostResult) error {
	posts := map[string]string{}
	for _, r := range results {
		posts[r.File] = r.Slug
		if r.Err != nil {
			posts[r.File] = ""
		}
	}
	removed, err := build.Prune(out, posts)
	if err != nil {
		return fmt.Errorf("removing the slides of posts that are gone: %w", err)
	}
	if len(removed) > 0 && !quiet {
		fmt.Fprintf(s.Err, "removed the slides of %d %s that %s gone: %s\n", len(removed), plural(len(removed), "post"), isAre(len(removed)), listSome(removed, 5))
	}
	return nil
}

func isAre(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}

// thousands writes n with commas: 1,822.
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
