package preview

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/pkpm-btn3/pkpm/internal/build"
	"github.com/pkpm-btn3/pkpm/internal/calendar"
	"github.com/pkpm-btn3/pkpm/internal/check"
	"github.com/pkpm-btn3/pkpm/internal/config"
	"github.com/pkpm-btn3/pkpm/internal/content"
	"github.com/pkpm-btn3/pkpm/internal/diag"
	"github.com/pkpm-btn3/pkpm/internal/theme"
)

// site is one consistent state of the project as the preview shows it.
// A rebuild makes a new site and swaps it in whole, so a page never sees
// half of a rebuild. Nothing in a site changes once it is published.
type site struct {
	version   int
	building  bool // the first build has not finished
	project   config.Project
	configErr error // pkpm.yaml does not parse; the last good settings are used
	cal       *calendar.Calendar
	calErr    error // calendar.yaml does not parse; cal is the last good plan
	avatar    *asset
	posts     []*post // in planned order
	now       func() time.Time
}

// post is one post file's last build.
type post struct {
	file    string           // relative to the project, OS separators
	slug    string           // the URL of its page
	article *content.Article // nil when the front matter does not parse
	// last is the article of the last build that parsed, while article is
	// nil: a post whose front matter breaks keeps its date, title and slot
	// in the grid and the plan until it is fixed.
	last     *content.Article
	template string
	deps     []string // images it uses, for the watcher
	slides   []slide
	findings []check.Finding
	err      error // the build failed; findings hold why
	margins  *theme.Margins
}

// slide is one encoded slide, served from memory.
type slide struct {
	name     string // "01.jpg"
	data     []byte
	etag     string
	w, h     int
	alt      string
	line     int // source line, for linking findings
	warnings []string
}

// newPost keeps what the pages need from a build result. The composed
// deck, which holds decoded photos, is dropped.
func newPost(root string, p config.Project, r build.PostResult, prev *post) *post {
	if r.Err != nil && r.Files != nil {
		// Rendered whole, then failed for a slug another post in the same
		// build has. The site checks slugs across every post itself, and
		// clears the error once the other post is renamed.
		r.Err = nil
	}
	e := &post{file: r.File, slug: r.Slug, article: r.Article, err: r.Err}
	if e.article == nil {
		// The build keeps the article only when the post composed; one
		// that failed later (a missing image) still has a date and title.
		e.article = parseOnly(root, r.File, p)
	}
	switch {
	case e.article != nil:
		e.slug = e.article.Slug
	case prev != nil:
		// Broken front matter hides a custom slug; keep the page's address.
		e.slug = prev.slug
		e.last = prev.shown()
	}
	if e.article != nil {
		e.template = e.article.Meta.Template
		e.deps = build.Dependencies(root, r.File, e.article)
	}
	if e.template == "" {
		e.template = p.Defaults.Template
	}
	if t, err := theme.Load(root, e.template); err == nil {
		e.margins = &t.Margins
	}
	if r.Err == nil {
		for _, si := range r.Manifest.Slides {
			sl := slide{name: si.File, data: r.Files[si.File], w: si.Width, h: si.Height, alt: si.Alt, warnings: si.Warnings, line: si.Line}
			sum := sha256.Sum256(sl.data)
			sl.etag = hex.EncodeToString(sum[:8])
			e.slides = append(e.slides, sl)
		}
	}
	e.findings = findings(r, e, p)
	return e
}

// findings are what `pkpm check` reports for the post: its rules when the
// post built, else the build's errors.
func findings(r build.PostResult, e *post, p config.Project) []check.Finding {
	var fs []check.Finding
	if r.Err == nil && r.Article != nil {
		fs = check.Run(build.CheckPost(r), check.Settings{MaxHashtags: p.Instagram.MaxHashtags})
	} else {
		for _, d := range r.Diags {
			if d.Severity == diag.Error {
				fs = append(fs, check.Finding{File: d.File, Line: d.Line, Severity: diag.Error, Level: "error",
					Rule: check.Build.ID, Message: d.Message, Hint: check.Build.Hint})
			}
		}
		if len(fs) == 0 && r.Err != nil {
			fs = append(fs, check.Finding{File: r.File, Severity: diag.Error, Level: "error", Rule: check.Build.ID, Message: r.Err.Error(), Hint: check.Build.Hint})
		}
	}
	check.Sort(fs)
	return fs
}

func parseOnly(root, file string, p config.Project) *content.Article {
	path := filepath.Join(root, file)
	if !insideReal(root, path) {
		return nil
	}
	src, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	a, err := content.Parse(file, src, p.Location)
	if err != nil {
		return nil
	}
	return a
}

// newSite orders the posts and fails every post whose slug another post
// also has, as the build does: one would hide the other.
func newSite(version int, p config.Project, configErr error, avatar *asset, entries map[string]*post) *site {
	s := &site{version: version, project: p, configErr: configErr, avatar: avatar}
	bySlug := map[string][]*post{}
	for _, e := range entries {
		s.posts = append(s.posts, e)
		bySlug[e.slug] = append(bySlug[e.slug], e)
	}
	for i, e := range s.posts {
		same := bySlug[e.slug]
		if len(same) < 2 {
			continue
		}
		var others []string
		for _, o := range same {
			if o != e {
				others = append(others, o.file)
			}
		}
		sort.Strings(others)
		d := diag.Errorf(e.file, 0, "slug %q is also used by %s; set a different `slug:` in one of them", e.slug, strings.Join(others, ", "))
		c := *e
		c.err, c.slides = d, nil
		c.findings = []check.Finding{{File: d.File, Severity: diag.Error, Level: "error", Rule: check.Build.ID, Message: d.Message, Hint: check.Build.Hint}}
		s.posts[i] = &c
	}
	sort.Slice(s.posts, func(i, j int) bool { return plannedBefore(s.posts[i], s.posts[j]) })
	return s
}

// plannedBefore orders posts by planned date; undated posts come last.
func plannedBefore(a, b *post) bool {
	da, db := a.date(), b.date()
	switch {
	case da.IsZero() != db.IsZero():
		return db.IsZero()
	case !da.Equal(db):
		return da.Before(db)
	}
	return a.file < b.file
}

func (p *post) date() time.Time {
	if a := p.shown(); a != nil {
		return a.Meta.Date
	}
	return time.Time{}
}

// shown is the article the pages show: the post's, else the last good
// one, else nil.
func (p *post) shown() *content.Article {
	if p.article != nil {
		return p.article
	}
	return p.last
}

// lookup finds a post by the slug in its address. With duplicates, the
// first in planned order wins; both show the duplicate error.
func (s *site) lookup(slug string) *post {
	for _, p := range s.posts {
		if p.slug == slug {
			return p
		}
	}
	return nil
}
