package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"text/template"
	"time"
	"unicode"

	"github.com/spf13/cobra"

	"github.com/pkpm-btn3/pkpm/assets"
	"github.com/pkpm-btn3/pkpm/internal/config"
	projectpkg "github.com/pkpm-btn3/pkpm/internal/project"
	"github.com/pkpm-btn3/pkpm/internal/theme"
)

// InitOptions are the options of `pkpm init`.
type InitOptions struct {
	g         *globals
	Dir       string
	Templates bool
	CI        string // "github": also write a CI workflow
}

func newInitCmd(g *globals, runF func(*InitOptions) error) *cobra.Command {
	opts := &InitOptions{g: g}
	cmd := &cobra.Command{
		Use:   "init [<dir>] [--templates]",
		Short: "Create a new project, ready to build",
		Long: `Create a pkpm project in <dir> (default: the current folder): a
commented pkpm.yaml with the brand kit, a calendar.yaml posting plan,
posts/ with one example post, and a .gitignore for dist/. With
--templates, the built-in templates and post archetypes are copied into
templates/ to change them. With --ci github, it also writes
.github/workflows/pkpm.yml, which checks, builds and exports the posts on
GitHub; in a folder that is already a project, --ci adds only that file.

init never overwrites a file: when any of them exists it stops before
writing anything. An existing .gitignore is left as it is.`,
		Example: `  $ pkpm init demo
  $ cd demo && pkpm new "Cara Cuci Tangan" && pkpm build
  $ pkpm init --templates
  $ pkpm init --ci github`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Dir = "."
			if len(args) == 1 {
				opts.Dir = args[0]
			}
			if opts.CI != "" && opts.CI != "github" {
				return usageError("unknown CI %q; pkpm writes a workflow for `github`", opts.CI)
			}
			if runF != nil {
				return runF(opts)
			}
			return initRun(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Templates, "templates", false, "also copy the built-in templates and archetypes into templates/")
	cmd.Flags().StringVar(&opts.CI, "ci", "", "also write a CI `workflow`: github (.github/workflows/pkpm.yml)")
	return cmd
}

// projectVars fill the files init writes.
type projectVars struct {
	Handle, Name string
	Start, End   string // the programme period, from today
	PostDate     string // the example post's date: a slot two or more days ahead
}

func initRun(opts *InitOptions) error {
	s := opts.g.streams
	cwd, err := os.Getwd()
	if err != nil {
		return err
	}
	dir := opts.Dir
	if !filepath.IsAbs(dir) {
		dir = filepath.Join(cwd, dir)
	}
	if st, err := os.Stat(dir); err == nil && !st.IsDir() {
		return usageError("%q is a file, not a folder", opts.Dir)
	}
	if _, err := os.Stat(filepath.Join(dir, config.FileName)); err == nil && opts.CI != "" && !opts.Templates {
		return addWorkflow(opts.g, relTo(cwd, dir), dir)
	}
	files, err := projectFiles(dir, opts.Templates, opts.g.now(jakarta()))
	if err != nil {
		return err
	}
	if opts.CI != "" {
		wf, err := githubWorkflow(workflowFor(currentVersion(), Version != ""))
		if err != nil {
			return err
		}
		files = append(files, newFile{workflowFile, wf})
	}
	var exist []string
	keepIgnore := false
	for _, f := range files {
		if _, err := os.Lstat(filepath.Join(dir, f.name)); err == nil {
			if f.name == ".gitignore" {
				keepIgnore = true
				continue
			}
			exist = append(exist, f.name)
		} else if !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	if len(exist) > 0 {
		return &exitError{code: ExitFailure, err: fmt.Errorf("%s already %s in %s; init never overwrites files, so nothing was written — use an empty folder, or `pkpm init <new-folder>`",
			strings.Join(exist, ", "), map[bool]string{true: "exists", false: "exist"}[len(exist) == 1], relTo(cwd, dir))}
	}
	outer := enclosingProject(dir)
	var written []string
	for _, f := range files {
		if f.name == ".gitignore" && keepIgnore {
			continue
		}
		if err := writeNew(filepath.Join(dir, f.name), f.data); err != nil {
			return fmt.Errorf("writing %s: %w", f.name, err)
		}
		written = append(written, f.name)
	}
	if outer != "" {
		warnNested(s, cwd, dir, outer)
	}
	if opts.g.quiet {
		return nil
	}
	where := relTo(cwd, dir)
	fmt.Fprintf(s.Err, "%s a pkpm project in %s: %s\n", s.paint("32;1", "created"), where, summarize(written))
	if keepIgnore {
		fmt.Fprintln(s.Err, "kept your .gitignore; add a line \"dist/\" to it so generated images stay out of git")
	}
	fmt.Fprintln(s.Err, "next:")
	if where != "." {
		fmt.Fprintf(s.Err, "  cd %s\n", where)
	}
	fmt.Fprintln(s.Err, "  pkpm new \"Judul pos pertama\"     # write a post: posts/judul-pos-pertama.md")
	fmt.Fprintln(s.Err, "  pkpm build                       # make its slides in dist/slides/")
	return nil
}

// addWorkflow writes the CI workflow into an existing project, and never
// over one that exists.
func addWorkflow(g *globals, where, dir string) error {
	wf, err := githubWorkflow(workflowFor(currentVersion(), Version != ""))
	if err != nil {
		return err
	}
	path := filepath.Join(dir, filepath.FromSlash(workflowFile))
	if _, err := os.Lstat(path); err == nil {
		return &exitError{code: ExitFailure, err: fmt.Errorf("%s already exists in %s; init never overwrites files — delete it first to write it anew", workflowFile, where)}
	}
	if err := writeNew(path, wf); err != nil {
		return fmt.Errorf("writing %s: %w", workflowFile, err)
	}
	if !g.quiet {
		fmt.Fprintf(g.streams.Err, "%s %s in %s: on every push and pull request GitHub checks, builds and keeps the slides; on the default branch it also exports the bundles\n", g.streams.paint("32;1", "added"), workflowFile, where)
		fmt.Fprintln(g.streams.Err, "next: commit it and push; findings show on the lines of a pull request")
	}
	return nil
}

type newFile struct {
	name string // slash-separated, relative to the project
	data []byte
}

// projectFiles are the files of a new project in dir, filled in for now.
func projectFiles(dir string, withTemplates bool, now time.Time) ([]newFile, error) {
	base := filepath.Base(dir)
	v := projectVars{Handle: handleFor(base), Name: nameFor(base),
		Start: now.Format("2006-01-02"), End: now.AddDate(0, 2, 0).Format("2006-01-02"), PostDate: nextSlot(now).Format("2006-01-02 15:04")}
	var out []newFile
	for _, f := range []struct{ src, dst string }{
		{"pkpm.yaml.tmpl", config.FileName},
		{"calendar.yaml.tmpl", "calendar.yaml"},
		{"post.md.tmpl", "posts/selamat-datang.md"},
		{"gitignore", ".gitignore"},
	} {
		raw, err := assets.FS.ReadFile("project/" + f.src)
		if err != nil {
			return nil, err
		}
		data := raw
		if strings.HasSuffix(f.src, ".tmpl") {
			t, err := template.New(f.src).Parse(string(raw))
			if err != nil {
				return nil, err
			}
			var buf bytes.Buffer
			if err := t.Execute(&buf, v); err != nil {
				return nil, err
			}
			data = buf.Bytes()
		}
		out = append(out, newFile{f.dst, data})
	}
	if withTemplates {
		names, err := theme.BuiltInFiles()
		if err != nil {
			return nil, err
		}
		for _, n := range names {
			data, err := theme.ReadBuiltIn(n)
			if err != nil {
				return nil, err
			}
			out = append(out, newFile{"templates/" + n, data})
		}
	}
	return out, nil
}

// nextSlot is the first Monday, Wednesday or Friday at 19:00 at least two
// days after now: a date in the new calendar's slots, far enough ahead for
// the example post to be made ready in time.
func nextSlot(now time.Time) time.Time {
	d := time.Date(now.Year(), now.Month(), now.Day()+2, 19, 0, 0, 0, now.Location())
	for d.Weekday() != time.Monday && d.Weekday() != time.Wednesday && d.Weekday() != time.Friday {
		d = d.AddDate(0, 0, 1)
	}
	return d
}

// handleFor makes an Instagram handle from a folder name: lower-case
// letters, digits, dots and underscores.
func handleFor(name string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(name) {
		switch {
		case r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) || r == '.' || r == '_':
			b.WriteRune(r)
		case r == '-' || r == ' ':
			b.WriteRune('.')
		}
	}
	h := strings.Trim(b.String(), ".")
	if h == "" {
		h = "akun.anda"
	}
	return "@" + h
}

// nameFor makes a display name from a folder name: its words of letters
// and digits, capitalised. Nothing else is kept, so the name is safe to
// write into YAML ("@pkpm.btn3" is "Pkpm Btn3", not a YAML error).
func nameFor(name string) string {
	words := strings.FieldsFunc(name, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for i, w := range words {
		r := []rune(w)
		r[0] = unicode.ToUpper(r[0])
		words[i] = string(r)
	}
	if len(words) == 0 {
		return "Tim PKPM"
	}
	return strings.Join(words, " ")
}

// writeNew writes a file that must not exist yet, whole or not at all: it
// writes a temporary file beside it and links it into place, which fails
// rather than replaces when the file has appeared in the meantime.
func writeNew(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".tmp-"+filepath.Base(path)+"-")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	err = os.Link(tmp.Name(), path)
	if err == nil || errors.Is(err, fs.ErrExist) {
		return err
	}
	// A file system without hard links: create the file exclusively.
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(path)
		return err
	}
	return f.Close()
}

// summarize names the files written, folding a folder's many into one.
func summarize(files []string) string {
	var out []string
	tmpl := 0
	for _, f := range files {
		if strings.HasPrefix(f, "templates/") {
			tmpl++
			continue
		}
		out = append(out, f)
	}
	if tmpl > 0 {
		out = append(out, fmt.Sprintf("templates/ (%d files)", tmpl))
	}
	return strings.Join(out, ", ")
}

// jakarta is the timezone new projects start in.
func jakarta() *time.Location {
	loc, err := time.LoadLocation("Asia/Jakarta")
	if err != nil {
		return time.UTC
	}
	return loc
}

// enclosingProject is the folder of the nearest pkpm.yaml above dir, or ""
// when dir is not inside a project.
func enclosingProject(dir string) string {
	parent := filepath.Dir(dir)
	if parent == dir {
		return ""
	}
	if root, ok := projectpkg.FindRoot(parent); ok {
		return root
	}
	return ""
}

// warnNested says that a project was made inside another one, and which
// pkpm.yaml commands use where: the nearest one upwards wins.
func warnNested(s *Streams, cwd, dir, outer string) {
	here := relTo(cwd, dir)
	fmt.Fprintf(s.Err, "%s %s is inside another project, %s\n", s.paint("33", "warning:"), here, outer)
	fmt.Fprintf(s.Err, "  commands run in %s or below use %s; elsewhere in %s they use %s\n",
		here, filepath.Join(here, config.FileName), outer, filepath.Join(outer, config.FileName))
	fmt.Fprintf(s.Err, "  to keep the projects apart, remove %s and run `pkpm init` outside %s\n", here, outer)
}
