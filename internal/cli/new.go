package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"gopkg.in/yaml.v3"

	"github.com/pkpm-btn3/pkpm/internal/content"
	"github.com/pkpm-btn3/pkpm/internal/theme"
)

// NewOptions are the options of `pkpm new`.
type NewOptions struct {
	g        *globals
	Title    string
	Template string
	Pillar   string
	Date     string
}

func newNewCmd(g *globals, runF func(*NewOptions) error) *cobra.Command {
	opts := &NewOptions{g: g}
	cmd := &cobra.Command{
		Use:   "new <title> [--template <name>] [--pillar <p>] [--date <when>]",
		Short: "Start a new post from an archetype",
		Long: `Write posts/<slug>.md, a draft to fill in, from an archetype: the
project's templates/archetypes/<pillar>.md, else the built-in one for the
pillar (edukasi, kegiatan, umkm, pengumuman), else the default. Its front
matter gets the title, "status: draft", and the template, pillar and date
when given.

The slug is the title in lower case, in ASCII, with hyphens: "Cara Cuci
Tangan yang Benar!" becomes cara-cuci-tangan-yang-benar. An existing post
is never overwritten.

--date takes YYYY-MM-DD, YYYY-MM-DD HH:MM, or today, tomorrow (hari ini,
besok, lusa) with an optional HH:MM. To take the next free slot of the
calendar, run "pkpm schedule <slug> --next" afterwards.`,
		Example: `  $ pkpm new "Cara Cuci Tangan"
  $ pkpm new "Pembagian Masker RT 04" --pillar kegiatan --date "2020-08-12 19:00"
  $ pkpm new "Jualan Lewat Instagram" --template umkm --pillar umkm --date besok`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Title = strings.Join(strings.Fields(args[0]), " ")
			if opts.Title == "" {
				return usageError("the title is empty; give one in quotes, like `pkpm new \"Cara Cuci Tangan\"`")
			}
			if content.Slugify(opts.Title) == "" {
				return usageError("cannot make a file name from the title %q; use some letters or digits in it", opts.Title)
			}
			if runF != nil {
				return runF(opts)
			}
			return newRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Template, "template", "", "slide template `name` (default: the archetype's, else pkpm.yaml's)")
	cmd.Flags().StringVar(&opts.Pillar, "pillar", "", "content `pillar`, which also picks the archetype")
	cmd.Flags().StringVar(&opts.Date, "date", "", "planned publish `time`")
	return cmd
}

func newRun(opts *NewOptions) error {
	s := opts.g.streams
	p, err := opts.g.openProject()
	if err != nil {
		return err
	}
	if opts.Template != "" && !listed(theme.Names(p.root), opts.Template) {
		return usageError("unknown template %q; available: %s", opts.Template, strings.Join(theme.Names(p.root), ", "))
	}
	date := ""
	if opts.Date != "" {
		if date, err = plannedDate(opts.Date, opts.g.now(p.cfg.Location), p.cfg.Location); err != nil {
			return usageError("--date: %v", err)
		}
	}
	slug := content.Slugify(opts.Title)
	rel := filepath.ToSlash(filepath.Join("posts", slug+".md"))
	for _, f := range []string{rel, "posts/" + slug + "/index.md"} {
		if _, err := os.Stat(filepath.Join(p.root, filepath.FromSlash(f))); err == nil {
			return &exitError{code: ExitFailure, err: fmt.Errorf("%s already exists; edit it, or give the new post another title", f)}
		}
	}
	arch, from, err := theme.Archetype(p.root, opts.Pillar)
	if err != nil {
		return err
	}
	set := []field{{"title", yamlScalar(opts.Title)}, {"status", "draft"}}
	if opts.Template != "" {
		set = append(set, field{"template", opts.Template})
	}
	if opts.Pillar != "" {
		set = append(set, field{"pillar", yamlScalar(opts.Pillar)})
	}
	if date != "" {
		set = append(set, field{"date", date})
	}
	post := setFrontMatter(arch, set)
	if _, err := content.Parse(rel, post, p.cfg.Location); err != nil {
		return fmt.Errorf("the archetype %s does not make a valid post: %v", from, err)
	}
	path := filepath.Join(p.root, filepath.FromSlash(rel))
	if err := writeNew(path, post); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return &exitError{code: ExitFailure, err: fmt.Errorf("%s already exists; edit it, or give the new post another title", rel)}
		}
		return err
	}
	cwd, _ := os.Getwd()
	fmt.Fprintln(s.Out, relTo(cwd, path))
	if !opts.g.quiet {
		fmt.Fprintf(s.Err, "%s %s from %s; fill it in, then run `pkpm build %s`\n", s.paint("32;1", "created"), rel, from, slug)
	}
	return nil
}

// plannedDate reads --date: a date as front matter takes it, or today,
// tomorrow, the day after (in English or Indonesian) with an optional
// HH:MM. It returns the value to write.
func plannedDate(text string, now time.Time, loc *time.Location) (string, error) {
	words := strings.Fields(strings.ToLower(text))
	offsets := map[string]int{"today": 0, "hari ini": 0, "tomorrow": 1, "besok": 1, "lusa": 2}
	for word, days := range offsets {
		n := len(strings.Fields(word))
		if len(words) < n || strings.Join(words[:n], " ") != word || len(words) > n+1 {
			continue
		}
		day := now.AddDate(0, 0, days).Format("2006-01-02")
		if len(words) == n {
			return day, nil
		}
		text = day + " " + words[n]
		break
	}
	t, err := content.ParseDate(text, loc)
	if err != nil {
		return "", err
	}
	if strings.ContainsAny(text, " T") {
		return t.Format("2006-01-02 15:04"), nil
	}
	return t.Format("2006-01-02"), nil
}

// field is a front-matter key and the YAML text of its value.
type field struct{ key, value string }

func yamlScalar(s string) string {
	out, err := yaml.Marshal(s)
	if err != nil {
		return fmt.Sprintf("%q", s)
	}
	return strings.TrimSuffix(string(out), "\n")
}

// setFrontMatter sets top-level keys in a post's front matter, changing
// only their lines: a key's line (with any indented lines of its value),
// or a commented-out "# key:" line, is replaced; a key not there is added
// after the title. Comments and the rest of the file stay as written.
func setFrontMatter(src []byte, set []field) []byte {
	text := strings.ReplaceAll(string(src), "\r\n", "\n")
	lines := strings.Split(text, "\n")
	if len(lines) == 0 || strings.TrimSpace(lines[0]) != "---" {
		lines = append([]string{"---", "---", ""}, lines...)
	}
	end := -1
	for i := 1; i < len(lines); i++ {
		if t := strings.TrimSpace(lines[i]); t == "---" || t == "..." {
			end = i
			break
		}
	}
	if end < 0 {
		lines = append([]string{"---", "---", ""}, lines...)
		end = 1
	}
	fm := append([]string(nil), lines[1:end]...)
	for _, f := range set {
		fm = setKey(fm, f)
	}
	out := append([]string{lines[0]}, fm...)
	out = append(out, lines[end:]...)
	return []byte(strings.Join(out, "\n"))
}

func setKey(fm []string, f field) []string {
	line := f.key + ": " + f.value
	for i, l := range fm {
		if !strings.HasPrefix(l, f.key+":") {
			continue
		}
		rest := strings.TrimSpace(strings.TrimPrefix(l, f.key+":"))
		j := i + 1
		if rest == "" || strings.HasPrefix(rest, "|") || strings.HasPrefix(rest, ">") {
			for j < len(fm) && (strings.HasPrefix(fm[j], " ") || strings.HasPrefix(fm[j], "\t") || strings.HasPrefix(fm[j], "- ")) {
				j++
			}
		}
		return append(append(append([]string(nil), fm[:i]...), line), fm[j:]...)
	}
	for i, l := range fm {
		if t := strings.TrimSpace(strings.TrimPrefix(l, "#")); strings.HasPrefix(l, "#") && strings.HasPrefix(t, f.key+":") {
			fm[i] = line
			return fm
		}
	}
	at := 0
	for i, l := range fm {
		if strings.HasPrefix(l, "title:") {
			at = i + 1
		}
	}
	return append(append(append([]string(nil), fm[:at]...), line), fm[at:]...)
}
