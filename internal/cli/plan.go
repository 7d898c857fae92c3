package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/pkpm-btn3/pkpm/internal/build"
	"github.com/pkpm-btn3/pkpm/internal/calendar"
	"github.com/pkpm-btn3/pkpm/internal/content"
	"github.com/pkpm-btn3/pkpm/internal/diag"
)

// plan is a project's posting plan as the calendar commands see it: the
// calendar, the posts that parse, the problems of those that do not, and
// the moment to judge them at.
type plan struct {
	proj   *project
	cal    *calendar.Calendar
	posts  []calendar.Post
	srcs   map[string][]byte // post file → its bytes, as read
	broken []diag.Diagnostic
	now    time.Time
}

// openPlan reads calendar.yaml (or takes the defaults) and every post.
// A post that does not parse is kept out and reported in broken.
func (g *globals) openPlan() (*plan, error) {
	p, err := g.openProject()
	if err != nil {
		return nil, err
	}
	cal, err := loadCalendar(g, p)
	if err != nil {
		return nil, err
	}
	files, err := build.FindPosts(p.root)
	if err != nil {
		return nil, err
	}
	pl := &plan{proj: p, cal: cal, srcs: map[string][]byte{}, now: g.now(cal.Location)}
	for _, f := range files {
		src, err := os.ReadFile(filepath.Join(p.root, f))
		if err != nil {
			pl.broken = append(pl.broken, diag.Errorf(f, 0, "cannot read the post: %v", err))
			continue
		}
		a, err := content.Parse(f, src, cal.Location)
		if err != nil {
			pl.broken = append(pl.broken, diag.All(err, f)...)
			continue
		}
		post := calendar.PostOf(a)
		post.Slides = slideCount(p.root, a.Slug)
		pl.posts = append(pl.posts, post)
		pl.srcs[f] = src
	}
	return pl, nil
}

// loadCalendar reads calendar.yaml; without one the plan has no period,
// slots or blackout days, in the project's timezone.
func loadCalendar(g *globals, p *project) (*calendar.Calendar, error) {
	src, err := os.ReadFile(filepath.Join(p.root, calendar.FileName))
	switch {
	case errors.Is(err, fs.ErrNotExist):
		c := calendar.New(p.cfg.Location)
		c.Timezone = p.cfg.Timezone
		return c, nil
	case err != nil:
		return nil, err
	}
	c, err := calendar.Parse(calendar.FileName, src, p.cfg.Timezone)
	if err != nil {
		return nil, err
	}
	if l := c.Lines["timezone"]; l > 0 && c.Timezone != p.cfg.Timezone {
		printDiags(g.streams, []diag.Diagnostic{diag.Warnf(calendar.FileName, l,
			"timezone %q is not pkpm.yaml's %q; the calendar commands read post dates in %s", c.Timezone, p.cfg.Timezone, c.Timezone)})
	}
	return c, nil
}

// slideCount is how many slides the last build of a post made, from its
// slides.json, or -1 when it has not been built.
func slideCount(root, slug string) int {
	data, err := os.ReadFile(filepath.Join(root, "dist", "slides", slug, "slides.json"))
	if err != nil {
		return -1
	}
	var m build.Manifest
	if json.Unmarshal(data, &m) != nil || len(m.Slides) == 0 {
		return -1
	}
	return len(m.Slides)
}

// post finds a post named on the command line (a file or a slug). A post
// that does not parse cannot be planned: its problem is the error.
func (pl *plan) post(arg string) (calendar.Post, error) {
	cwd, err := os.Getwd()
	if err != nil {
		return calendar.Post{}, err
	}
	files, err := build.ResolvePosts(pl.proj.root, cwd, []string{arg})
	if err != nil {
		return calendar.Post{}, usageError("%v", err)
	}
	for _, p := range pl.posts {
		if p.File == files[0] {
			return p, nil
		}
	}
	for _, d := range pl.broken {
		if d.File == files[0] {
			return calendar.Post{}, fmt.Errorf("%v; fix the post first", d)
		}
	}
	return calendar.Post{}, fmt.Errorf("cannot read %s", files[0])
}

// setKeys changes front-matter keys of a post and writes it back in
// place: to a temporary file beside it, then renamed over it, so the post
// is whole whatever happens. The edit is read back before it is written.
func (pl *plan) setKeys(post calendar.Post, kv ...string) error {
	src := pl.srcs[post.File]
	out, err := content.SetKeys(src, kv...)
	if err != nil {
		return fmt.Errorf("%s: %v", post.File, err)
	}
	if _, err := content.Parse(post.File, out, pl.cal.Location); err != nil {
		return fmt.Errorf("%s: the edit would break the post (%v); edit it by hand", post.File, err)
	}
	return writeFileAtomic(filepath.Join(pl.proj.root, post.File), out)
}

// writeFileAtomic replaces path with data, keeping its permissions.
func writeFileAtomic(path string, data []byte) error {
	mode := os.FileMode(0o644)
	if st, err := os.Stat(path); err == nil {
		mode = st.Mode().Perm()
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".tmp-"+filepath.Base(path)+"-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after a successful rename there is nothing to remove
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), mode); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// when writes a time the way front matter takes it, in the plan's zone.
func (pl *plan) when(t time.Time) string { return t.In(pl.cal.Location).Format("2006-01-02 15:04") }
