package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/pkpm-btn3/pkpm/internal/config"
	"github.com/pkpm-btn3/pkpm/internal/diag"
	projectpkg "github.com/pkpm-btn3/pkpm/internal/project"
)

// globals are the flags every command takes.
type globals struct {
	ctx     context.Context // ends on Ctrl-C; see context()
	streams *Streams
	project string
	quiet   bool
	noColor bool
	clock   clock  // --now or PKPM_NOW: the moment commands act at
	line    string // the command line, as the project lock names its holder

	warnedMisnamed bool // the misnamed files in posts/ were reported
}

// Main runs pkpm with arguments and returns the exit code. Ctrl-C (or
// SIGTERM) cancels the one context every command runs under; a second
// Ctrl-C ends pkpm at once.
func Main(args []string, s *Streams) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() { <-ctx.Done(); stop() }()
	g := &globals{streams: s, ctx: ctx, line: strings.Join(append([]string{"pkpm"}, args...), " ")}
	root := newRoot(g)
	root.SetArgs(args)
	c, err := root.ExecuteContextC(ctx)
	if err == nil {
		return ExitOK
	}
	if u := argsError(c, err); u != nil {
		err = u
	}
	var e *exitError
	if !errors.As(err, &e) || e.err != nil {
		printError(s, err)
	}
	return exitCode(err)
}

// printError prints an error once, each diagnostic of a list on its own
// line.
func printError(s *Streams, err error) {
	var l diag.List
	if errors.As(err, &l) {
		for _, d := range l {
			fmt.Fprintln(s.Err, "pkpm: "+d.String())
		}
		return
	}
	fmt.Fprintln(s.Err, "pkpm: "+err.Error())
}

// context is the context commands run under: Main's, or one that never
// ends for tests that make globals themselves.
func (g *globals) context() context.Context {
	if g.ctx == nil {
		return context.Background()
	}
	return g.ctx
}

func newRoot(g *globals) *cobra.Command {
	root := &cobra.Command{
		Use:   "pkpm <command>",
		Short: "Turn Markdown articles into Instagram carousel images",
		Long: `pkpm turns Markdown articles into branded Instagram carousel images,
checks them against Instagram's rules, and exports ready-to-upload bundles.

Run it anywhere inside a project: it finds pkpm.yaml in the folder or above.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			if g.noColor || g.streams.Environ("NO_COLOR") != "" {
				g.streams.Color = false
			}
			return g.setNow()
		},
	}
	root.SetOut(g.streams.Out)
	root.SetErr(g.streams.Err)
	root.PersistentFlags().StringVar(&g.project, "project", "", "project `folder` (default: the nearest folder upwards holding pkpm.yaml)")
	root.PersistentFlags().BoolVarP(&g.quiet, "quiet", "q", false, "print only problems")
	root.PersistentFlags().BoolVar(&g.noColor, "no-color", false, "never colour the output (also set by NO_COLOR)")
	g.addNowFlag(root)
	root.SetFlagErrorFunc(flagError)
	root.AddCommand(newBuildCmd(g, nil), newVersionCmd(g))
	root.AddCommand(newCheckCmd(g), newExportCmd(g))
	root.AddCommand(newPreviewCmd(g, nil))
	root.AddCommand(newCalendarCmd(g, nil), newScheduleCmd(g, nil), newMarkCmd(g, nil), newReportCmd(g, nil))
	root.AddCommand(newInitCmd(g, nil), newNewCmd(g, nil), newTemplatesCmd(g, nil, nil))
	return root
}

// project is an opened project: its folder and settings.
type project struct {
	root string
	cfg  config.Project
}

// openProject finds and reads the project: --project, else pkpm.yaml in
// the working folder or above, else the working folder with defaults.
func (g *globals) openProject() (*project, error) {
	cwd, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	root := g.project
	if root != "" {
		if !filepath.IsAbs(root) {
			root = filepath.Join(cwd, root)
		}
		if st, err := os.Stat(root); err != nil || !st.IsDir() {
			return nil, usageError("project folder %q does not exist", g.project)
		}
	} else {
		root, _ = projectpkg.FindRoot(cwd)
	}
	p, err := projectpkg.Open(root)
	if err != nil {
		return nil, err
	}
	return &project{root: p.Root, cfg: p.Config}, nil
}

// findPosts lists the project's posts, and warns once per run about files
// in posts/ that look like posts but are not read.
func (g *globals) findPosts(p *project) ([]string, error) {
	l, err := projectpkg.List(p.root)
	if err != nil {
		return nil, err
	}
	if !g.warnedMisnamed {
		g.warnedMisnamed = true
		for _, m := range l.Misnamed {
			printDiags(g.streams, []diag.Diagnostic{m.Warning()})
		}
	}
	return l.Posts, nil
}
