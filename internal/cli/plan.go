package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/pkpm-btn3/pkpm/internal/atomicfile"
	"github.com/pkpm-btn3/pkpm/internal/calendar"
	"github.com/pkpm-btn3/pkpm/internal/content"
	"github.com/pkpm-btn3/pkpm/internal/diag"
	projectpkg "github.com/pkpm-btn3/pkpm/internal/project"
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
	return g.loadPlan(p)
}

// loadPlan reads the plan of an opened project.
func (g *globals) loadPlan(p *project) (*plan, error) {
	cal, err := loadCalendar(g, p)
	if err != nil {
		return nil, err
	}
	files, err := g.findPosts(p)
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
		post.Slides = -1 // see countSlides
		pl.posts = append(pl.posts, post)
		pl.srcs[f] = src
	}
	return pl, nil
}

// loadCalendar reads calendar.yaml, printing what the user should know
// about it.
func loadCalendar(g *globals, p *project) (*calendar.Calendar, error) {
	c, warns, err := projectpkg.ReadCalendar(p.root, p.cfg)
	printDiags(g.streams, warns)
	return c, err
}

// countSlides fills in how many slides each post's last build made, for
// the views that show it: from built (by post file) for the posts a
// command has just built, else from the post's slides.json. Commands
// that show no counts skip reading 210 slides.json files.
func (pl *plan) countSlides(built map[string]int) {
	for i := range pl.posts {
		if n, ok := built[filepath.ToSlash(pl.posts[i].File)]; ok {
			pl.posts[i].Slides = n
			continue
		}
		pl.posts[i].Slides = slideCount(pl.proj.root, pl.posts[i].Slug)
	}
}

// slideCount is how many slides the last build of a post made, from its
// slides.json, or -1 when it has not been built.
func slideCount(root, slug string) int {
	data, err := os.ReadFile(filepath.Join(root, "dist", "slides", slug, "slides.json"))
	if err != nil {
		return -1
	}
	// Only the count: decoding into empty structs skips building each
	// slide's lines and contrast, most of a 210-post plan's time.
	var m struct {
		Slides []struct{} `json:"slides"`
	}
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
	files, err := projectpkg.Resolve(pl.proj.root, cwd, []string{arg})
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
	return atomicfile.WriteFile(filepath.Join(pl.proj.root, post.File), out)
}

// when writes a time the way front matter takes it, in the plan's zone.
func (pl *plan) when(t time.Time) string { return t.In(pl.cal.Location).Format("2006-01-02 15:04") }
