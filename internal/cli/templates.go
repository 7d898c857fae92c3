package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/pkpm-btn3/pkpm/internal/build"
	"github.com/pkpm-btn3/pkpm/internal/render"
	"github.com/pkpm-btn3/pkpm/internal/theme"
)

// TemplatesOptions are the options of `pkpm templates`.
type TemplatesOptions struct {
	g *globals
}

// TemplatesShowOptions are the options of `pkpm templates show`.
type TemplatesShowOptions struct {
	g      *globals
	Name   string
	Size   string
	Format string
	Out    string
	now    func() time.Time // for the timing line only
}

func newTemplatesCmd(g *globals, runF func(*TemplatesOptions) error, showF func(*TemplatesShowOptions) error) *cobra.Command {
	opts := &TemplatesOptions{g: g}
	cmd := &cobra.Command{
		Use:   "templates",
		Short: "List the slide templates a project can use",
		Long: `List the slide templates a project can use: the built-in ones and the
project's own templates/<name>.yaml, which replace a built-in of the same
name. A post picks one with "template: <name>"; pkpm.yaml's
defaults.template sets the default.

"pkpm templates show <name>" renders a sample post with every kind of
slide in a template, to look at before choosing it. The format is
described in docs/templates.md.`,
		Example: `  $ pkpm templates
  $ pkpm templates show kegiatan
  $ pkpm templates show umkm --size all --format png`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return templatesRun(opts)
		},
	}
	cmd.AddCommand(newTemplatesShowCmd(g, showF))
	return cmd
}

func newTemplatesShowCmd(g *globals, runF func(*TemplatesShowOptions) error) *cobra.Command {
	opts := &TemplatesShowOptions{g: g, now: time.Now}
	cmd := &cobra.Command{
		Use:   "show <name>",
		Short: "Render a sample deck with every kind of slide in a template",
		Long: `Render a sample post in a template into dist/templates/<name>/: one
image per slide, named by its kind (cover, content, list, stat, quote,
image, closing, sources), the cover once more over a photo, and
overview.jpg with all of them. The project's handle, logo and brand
colours are used, so what you see is what your posts will look like.`,
		Example: `  $ pkpm templates show edukasi
  $ pkpm templates show pengumuman --size square
  $ pkpm templates show kegiatan --size all --out /tmp/contoh`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Name = args[0]
			if _, err := render.ParseFormat(opts.Format); err != nil {
				return usageError("%v", err)
			}
			if _, err := showSizes(opts.Size); err != nil {
				return usageError("%v", err)
			}
			if runF != nil {
				return runF(opts)
			}
			return templatesShowRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Size, "size", "portrait", "canvas: portrait, square, landscape or all")
	cmd.Flags().StringVar(&opts.Format, "format", "jpeg", "image format: jpeg or png")
	cmd.Flags().StringVar(&opts.Out, "out", "", "output `folder` (default: dist in the project)")
	return cmd
}

func showSizes(s string) ([]string, error) {
	switch s {
	case "all":
		return theme.SizeNames, nil
	case "portrait", "square", "landscape":
		return []string{s}, nil
	}
	return nil, fmt.Errorf("unknown size %q; use portrait, square, landscape or all", s)
}

func templatesRun(opts *TemplatesOptions) error {
	p, err := opts.g.openProject()
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(opts.g.streams.Out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tSOURCE\tDESCRIPTION")
	for _, i := range theme.List(p.root) {
		src := i.Source
		if i.Overrides {
			src = "project (replaces built-in)"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\n", i.Name, src, i.Description)
	}
	return tw.Flush()
}

func templatesShowRun(opts *TemplatesShowOptions) error {
	s := opts.g.streams
	p, err := opts.g.openProject()
	if err != nil {
		return err
	}
	if !listed(theme.Names(p.root), opts.Name) {
		return usageError("unknown template %q; available: %s (see `pkpm templates`)", opts.Name, strings.Join(theme.Names(p.root), ", "))
	}
	format, _ := render.ParseFormat(opts.Format)
	sizes, _ := showSizes(opts.Size)
	cwd, _ := os.Getwd()
	out := opts.Out
	if out == "" {
		out = filepath.Join(p.root, "dist")
	} else if !filepath.IsAbs(out) {
		out = filepath.Join(cwd, out)
	}
	start := opts.now()
	res, err := build.ShowTemplate(opts.g.context(), build.ShowOptions{Root: p.root, Project: p.cfg, Template: opts.Name, Sizes: sizes, Format: format, Out: out})
	printDiags(s, res.Diags)
	if opts.g.context().Err() != nil {
		return interrupted("templates show", "nothing was written")
	}
	if err != nil {
		return err
	}
	if !opts.g.quiet {
		fmt.Fprintf(s.Err, "%s %s: %d images in %s → %s\n", s.paint("32;1", "rendered"), opts.Name, len(res.Files), round(opts.now().Sub(start)), relTo(cwd, res.Dir))
	}
	return nil
}

func listed(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
