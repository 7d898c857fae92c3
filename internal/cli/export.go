package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"github.com/pkpm-btn3/pkpm/internal/atomicfile"
	"github.com/pkpm-btn3/pkpm/internal/build"
	"github.com/pkpm-btn3/pkpm/internal/calendar"
	"github.com/pkpm-btn3/pkpm/internal/check"
	"github.com/pkpm-btn3/pkpm/internal/diag"
	"github.com/pkpm-btn3/pkpm/internal/export"
	projectpkg "github.com/pkpm-btn3/pkpm/internal/project"
	"github.com/pkpm-btn3/pkpm/internal/tanggal"
)

// ExportOptions are the options of `pkpm export`.
type ExportOptions struct {
	g     *globals
	Posts []string
	All   bool
	Force bool
}

func newExportCmd(g *globals) *cobra.Command {
	opts := &ExportOptions{g: g}
	cmd := &cobra.Command{
		Use:   "export [<post>...]",
		Short: "Write ready-to-upload bundles of posts",
		Long: `Write a bundle per post under dist/bundles/<YYYY-MM-DD>_<slug>/: the slides in
order, caption.txt, alt.txt and manifest.json, with a zip of the folder,
and dist/bundles/index.html to post from a phone.

Only posts with status ready are exported, unless --all. Every post is
checked first; a post with errors is refused unless --force. Bundles are
written whole or not at all, and the same input gives the same zip.`,
		Example: `  $ pkpm export
  $ pkpm export cara-memakai-masker
  $ pkpm export --all --force`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Posts = args
			return exportRun(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.All, "all", false, "export every post, drafts included")
	cmd.Flags().BoolVar(&opts.Force, "force", false, "export posts even when check finds errors")
	return cmd
}

func exportRun(opts *ExportOptions) error {
	build.HoldMemoryBound()
	s := opts.g.streams
	p, posts, err := opts.g.openPosts(opts.Posts)
	if err != nil {
		return err
	}
	// Ctrl-C stops between slides and bundles; what is written is always
	// whole.
	ctx := opts.g.context()
	pl, err := opts.g.openPlan()
	if err != nil {
		return err
	}
	calErrors := map[string][]check.Finding{}
	for _, f := range calendarFindings(pl, posts, false) {
		if f.Severity == diag.Error {
			calErrors[f.File] = append(calErrors[f.File], f)
		}
	}
	out := filepath.Join(p.root, "dist", "bundles")
	atomicfile.RemoveTemps(out)
	var broken []build.PostResult
	var exported, skipped, refused, failed int
	var writeErr error
	built := map[string]int{} // slides per post file, for calendar.ics
	// Each post is checked and bundled as soon as it is built, so memory
	// holds the posts being built, not the project.
	err = inspect(ctx, p, posts, true, func(r build.PostResult) {
		if writeErr != nil || ctx.Err() != nil {
			return
		}
		if r.Err == nil {
			built[filepath.ToSlash(r.File)] = len(r.Manifest.Slides)
		}
		var errs []check.Finding
		for _, f := range findingsFor(p, r) {
			if f.Severity == diag.Error {
				errs = append(errs, f)
			}
		}
		errs = append(errs, calErrors[r.File]...)
		check.Sort(errs)
		switch {
		case r.Err != nil:
			broken = append(broken, build.PostResult{File: r.File, Slug: r.Slug, Err: r.Err, Diags: r.Diags})
			failed++
			return
		case !opts.All && r.Article.Meta.Status != "ready":
			skipped++
			return
		case len(errs) > 0 && !opts.Force:
			for _, f := range errs {
				fmt.Fprintln(s.Err, f.String())
			}
			fmt.Fprintf(s.Err, "%s: not exported: %d %s; fix %s or export anyway with `--force`\n", r.File, len(errs), plural(len(errs), "error"), pronoun(len(errs)))
			refused++
			return
		case len(errs) > 0:
			fmt.Fprintf(s.Err, "%s: %s exported despite %d %s (`--force`)\n", r.File, s.paint("33", "warning:"), len(errs), plural(len(errs), "error"))
		}
		bp := bundlePost(r)
		if !export.Current(out, bp, version()) {
			files, err := readSlides(p, r)
			if err != nil {
				writeErr = fmt.Errorf("reading the slides of %s: %w", r.File, err)
				return
			}
			for i := range bp.Slides {
				bp.Slides[i].Data = files[bp.Slides[i].Name]
			}
			if _, err := export.Write(ctx, out, bp, version()); err != nil {
				writeErr = fmt.Errorf("writing the bundle of %s: %w", r.File, err)
				return
			}
		}
		exported++
	})
	printResults(s, broken)
	if ctx.Err() != nil {
		return interrupted("export", "the bundles written are complete; run it again for the rest")
	}
	if err != nil {
		return err
	}
	if writeErr != nil {
		return writeErr
	}
	if err := pruneBundles(opts.g, p, out); err != nil {
		return err
	}
	if err := export.WriteIndex(ctx, out, p.cfg.Language, whenFunc(p)); err != nil {
		if ctx.Err() != nil {
			return interrupted("export", "the bundles are complete and index.html is the previous one; run it again to write it")
		}
		return fmt.Errorf("writing index.html: %w", err)
	}
	// The calendar counts the slides just built, not those of the build
	// before: after a first export it had none.
	pl.countSlides(built)
	if err := writeCalendarICS(pl, filepath.Join(p.root, "dist", "calendar.ics")); err != nil {
		return fmt.Errorf("writing calendar.ics: %w", err)
	}
	if !opts.g.quiet {
		cwd, _ := os.Getwd()
		fmt.Fprintf(s.Err, "exported %d %s to %s", exported, plural(exported, "bundle"), relTo(cwd, out))
		if skipped > 0 {
			fmt.Fprintf(s.Err, "; %d not ready (use `--all`)", skipped)
		}
		fmt.Fprintln(s.Err)
	}
	switch {
	case failed > 0:
		return silent(ExitFailure)
	case refused > 0:
		return silent(ExitCheck)
	}
	return nil
}

func pronoun(n int) string {
	if n == 1 {
		return "it"
	}
	return "them"
}

// bundlePost describes a built post's slides to the bundle writer by
// their hashes, which is all export.Current needs.
func bundlePost(r build.PostResult) export.Post {
	bp := export.Post{Article: r.Article}
	for _, si := range r.Manifest.Slides {
		bp.Slides = append(bp.Slides, export.Slide{Name: si.File, Width: si.Width, Height: si.Height, Alt: si.Alt, SHA256: si.SHA256, Bytes: si.Bytes})
	}
	return bp
}

// readSlides reads a built post's slides from its output folder.
func readSlides(p *project, r build.PostResult) (map[string][]byte, error) {
	dir := filepath.Join(p.root, "dist", "slides", r.Slug)
	files := make(map[string][]byte, len(r.Manifest.Slides))
	for _, si := range r.Manifest.Slides {
		data, err := os.ReadFile(filepath.Join(dir, filepath.Base(si.File)))
		if err != nil {
			return nil, err
		}
		files[si.File] = data
	}
	return files, nil
}

// whenFunc formats a bundle's scheduled time in Indonesian, in the
// project's timezone: "Senin, 3 Agustus 2020, 19.00 WIB".
func whenFunc(p *project) func(export.Manifest) string {
	return func(m export.Manifest) string {
		t, err := time.Parse(time.RFC3339, m.Scheduled)
		if err != nil {
			return ""
		}
		return tanggal.DateTime(t.In(p.cfg.Location))
	}
}

// writeCalendarICS writes the whole plan as an iCalendar beside the
// bundles, for the team's phones.
func writeCalendarICS(pl *plan, path string) error {
	var buf bytes.Buffer
	if err := calendar.WriteICS(&buf, pl.cal, pl.posts, calendar.ICSOptions{Name: pl.proj.cfg.Name, Domain: pl.proj.cfg.Handle, Stamp: pl.now}); err != nil {
		return err
	}
	return atomicfile.WriteFile(path, buf.Bytes())
}

// pruneBundles removes the bundles of posts that are gone, so the index
// page drops them. When a post's front matter cannot be read its slug is
// unknown, and nothing is removed: that post's bundle may be among them.
func pruneBundles(g *globals, p *project, out string) error {
	files, err := projectpkg.FindPosts(p.root)
	if err != nil {
		return err
	}
	known := projectpkg.Slugs(p.root, files, p.cfg.Location)
	if len(known) < len(files) {
		return nil
	}
	slugs := map[string]bool{}
	for _, slug := range known {
		slugs[slug] = true
	}
	removed, err := export.Prune(out, slugs)
	if err != nil {
		return fmt.Errorf("removing the bundles of posts that are gone: %w", err)
	}
	if len(removed) > 0 && !g.quiet {
		fmt.Fprintf(g.streams.Err, "removed %d %s of posts that are gone: %s\n", len(removed), plural(len(removed), "bundle"), listSome(removed, 5))
	}
	return nil
}
