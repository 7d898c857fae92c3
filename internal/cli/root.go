package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/pkpm-btn3/pkpm/internal/config"
	"github.com/pkpm-btn3/pkpm/internal/diag"
)

// globals are the flags every command takes.
type globals struct {
	streams *Streams
	project string
	quiet   bool
	noColor bool
	clock   clock // --now or PKPM_NOW: the moment commands act at
}

// Main runs pkpm with arguments and returns the exit code.
func Main(args []string, s *Streams) int {
	g := &globals{streams: s}
	root := newRoot(g)
	root.SetArgs(args)
	c, err := root.ExecuteC()
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
		root = findRoot(cwd)
	}
	cfg := config.Default()
	src, err := os.ReadFile(filepath.Join(root, config.FileName))
	switch {
	case err == nil:
		if cfg, err = config.Parse(config.FileName, src); err != nil {
			return nil, err
		}
	case errors.Is(err, fs.ErrNotExist):
	default:
		return nil, err
	}
	return &project{root: root, cfg: cfg}, nil
}

// findRoot walks up from dir to the first folder holding pkpm.yaml.
func findRoot(dir string) string {
	for d := dir; ; {
		if _, err := os.Stat(filepath.Join(d, config.FileName)); err == nil {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return dir
		}
		d = parent
	}
}
