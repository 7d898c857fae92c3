package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"gopkg.in/yaml.v3"

	"github.com/pkpm-btn3/pkpm/internal/calendar"
	"github.com/pkpm-btn3/pkpm/internal/config"
	"github.com/pkpm-btn3/pkpm/internal/content"
	"github.com/pkpm-btn3/pkpm/internal/diag"
	"github.com/pkpm-btn3/pkpm/internal/theme"
)

// NewOptions are the options of `pkpm new`.
type NewOptions struct {
	g        *globals
	Title    string
	Template string
	Pillar   string
	Size     string
	Date     string
}

func newNewCmd(g *globals, runF func(*NewOptions) error) *cobra.Command {
	opts := &NewOptions{g: g}
	cmd := &cobra.Command{
		Use:   "new <title> [--template <name>] [--pillar <p>] [--size <s>] [--date <when>]",
		Short: "Start a new post from an archetype",
		Long: `Write posts/<slug>.md, a draft to fill in, from an archetype: the
project's templates/archetypes/<pillar>.md, else the built-in one for the
pillar (edukasi, kegiatan, umkm, pengumuman), else the default. Its front
matter gets the title, "status: draft", and the template, pillar and date
when given.

The slug is the title in lower case, in ASCII, with hyphens: "Cara Cuci
Tangan yang Benar!" becomes cara-cuci-tangan-yang-benar. An existing post
is never overwritten.

--date takes a time as people write it ("2020-08-12 19:00", "12 Agustus
2020 19.00 WIB", "besok 19.00", "Rabu 19.00"), or a day alone ("2020-08-12",
"besok", "lusa", "hari ini", "Rabu") for that day's posting slot in
calendar.yaml. To take the next free slot of the calendar, run
"pkpm schedule <slug> --next" afterwards.

An unknown --template, --size or --pillar is an error, not a quiet
default.`,
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
	cmd.Flags().StringVar(&opts.Size, "size", "", "canvas `size`: portrait, square or landscape (default: pkpm.yaml's)")
	cmd.Flags().StringVar(&opts.Date, "date", "", "planned publish `time`, or a day for its posting slot")
	return cmd
}

func newRun(opts *NewOptions) error {
	s := opts.g.streams
	release, err := opts.g.lockProject()
	if err != nil {
		return err
	}
	defer release()
	p, err := opts.g.openProject()
	if err != nil {
		return err
	}
	if err := checkNewChoices(opts, p); err != nil {
		return err
	}
	date := ""
	if opts.Date != "" {
		if date, err = plannedDate(opts, p); err != nil {
			return err
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
	if opts.Size != "" {
		set = append(set, field{"size", opts.Size})
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

// checkNewChoices refuses a template, size or pillar that does not exist,
// suggesting the one meant: a misspelt pillar would quietly take the
// default archetype.
func checkNewChoices(opts *NewOptions, p *project) error {
	if opts.Template != "" {
		if err := oneOf("template", opts.Template, theme.Names(p.root)); err != nil {
			return err
		}
	}
	if opts.Size != "" {
		if err := oneOf("size", opts.Size, config.Sizes); err != nil {
			return err
		}
	}
	if opts.Pillar == "" {
		return nil
	}
	// The calendar's pillars, and any with an archetype of its own (a
	// project's archetype says the pillar is meant).
	var pillars []string
	if cal, err := loadCalendar(opts.g, p); err == nil {
		for _, pl := range cal.Pillars {
			pillars = append(pillars, pl.Name)
		}
	}
	for _, a := range theme.ArchetypeNames(p.root) {
		if !slices.ContainsFunc(pillars, func(p string) bool { return strings.EqualFold(p, a) }) {
			pillars = append(pillars, a)
		}
	}
	for _, known := range pillars {
		if strings.EqualFold(known, opts.Pillar) {
			opts.Pillar = known
			return nil
		}
	}
	return oneOf("pillar", opts.Pillar, pillars)
}

// oneOf is nil when value is among allowed, else a usage error naming
// the one probably meant and all of them.
func oneOf(what, value string, allowed []string) error {
	if listed(allowed, value) {
		return nil
	}
	msg := fmt.Sprintf("unknown %s %q", what, value)
	if s := diag.Suggest(value, allowed); s != "" {
		msg += fmt.Sprintf(" — did you mean %q?", s)
	}
	return usageError("%s; available: %s", msg, strings.Join(allowed, ", "))
}

// plannedDate reads --date as people write it, days counted from now
// ("besok", "Rabu"). A day without a time takes that day's posting slot,
// as schedule --at does; without one the day alone is written. It returns
// the value to write.
func plannedDate(opts *NewOptions, p *project) (string, error) {
	pl, err := opts.g.loadPlan(p)
	if err != nil {
		return "", err
	}
	w, err := parseWhen("`--date`", opts.Date, pl.now)
	if err != nil {
		return "", err
	}
	if w.HasTime {
		return pl.when(w.Time), nil
	}
	self := calendar.Post{File: "posts/" + content.Slugify(opts.Title) + ".md", Status: "draft", Pillar: opts.Pillar}
	if slot, ok := pl.daySlot(w.Time, self); ok {
		return pl.when(slot), nil
	}
	return w.Time.Format("2006-01-02"), nil
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
