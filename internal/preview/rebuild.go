package preview

import (
	"context"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/pkpm-btn3/pkpm/internal/build"
	"github.com/pkpm-btn3/pkpm/internal/calendar"
	"github.com/pkpm-btn3/pkpm/internal/config"
	"github.com/pkpm-btn3/pkpm/internal/diag"
	"github.com/pkpm-btn3/pkpm/internal/project"
	"github.com/pkpm-btn3/pkpm/internal/render"
)

// buildState is what the build loop keeps between rebuilds: the last
// result of every post file and the settings. Only the build loop touches
// it; pages read the sites it makes.
type buildState struct {
	ctx       context.Context // Serve's: a build stops when the preview does
	root      string
	project   config.Project
	configErr error
	cal       *calendar.Calendar // the last plan that parsed
	calErr    error
	avatar    *asset
	entries   map[string]*post // by file, relative to root
	version   int
	// built is each post's last good build, whose slides the next build
	// reuses: a save redraws only the slides it changed.
	built map[string]build.PostResult
}

// outcome is a finished build: the new site and what to tell pages.
type outcome struct {
	site   *site
	report Report
	slugs  []string // posts whose pages should reload
	all    bool     // every page should reload
	noop   bool     // nothing changed that a page shows
}

func newBuildState(root string, p config.Project) *buildState {
	return &buildState{ctx: context.Background(), root: root, project: p, entries: map[string]*post{}}
}

// initial builds every post.
func (b *buildState) initial() outcome {
	b.avatar = loadAvatar(b.root, b.project.Brand.Logo)
	b.readCalendar()
	l, err := project.List(b.root)
	start := time.Now()
	var rep Report
	if err != nil {
		rep.Diags = append(rep.Diags, diag.Errorf("posts", 0, "cannot list the posts: %v", err))
	}
	// Files that look like posts but are not read are named once, at start.
	for _, m := range l.Misnamed {
		rep.Diags = append(rep.Diags, m.Warning())
	}
	o := b.build(l.Posts, l.Posts, &rep)
	rep.Initial = true
	rep.Duration = time.Since(start)
	o.report, o.all = rep, true
	return o
}

// change sorts changed paths by what they affect.
type change struct {
	config    bool
	calendar  bool
	assets    bool
	templates map[string]bool // template names
	allTempl  bool            // the templates folder itself changed
	posts     []string        // paths under posts/
}

func classify(paths []string) change {
	c := change{templates: map[string]bool{}}
	for _, p := range paths {
		switch {
		case p == config.FileName:
			c.config = true
		case p == calendar.FileName:
			c.calendar = true
		case p == "assets" || strings.HasPrefix(p, "assets/"):
			c.assets = true
		case p == "templates":
			c.allTempl = true
		case strings.HasPrefix(p, "templates/"):
			name := strings.TrimPrefix(p, "templates/")
			if !strings.Contains(name, "/") && strings.HasSuffix(name, ".yaml") {
				c.templates[strings.TrimSuffix(name, ".yaml")] = true
			}
		case p == "posts" || strings.HasPrefix(p, "posts/"):
			c.posts = append(c.posts, p)
		}
	}
	return c
}

// apply rebuilds what changed paths affect.
func (b *buildState) apply(paths []string) outcome {
	start := time.Now()
	c := classify(paths)
	var rep Report
	rebuildAll := false
	if c.config {
		p, err := project.ReadConfig(b.root)
		b.configErr = err
		if err == nil {
			b.project, rebuildAll = p, true
			b.avatar = loadAvatar(b.root, p.Brand.Logo) // brand.logo may have changed
		}
		rep.Config = err
	}
	if c.calendar || c.config {
		b.readCalendar()
		if b.calErr != nil {
			rep.Diags = append(rep.Diags, diag.All(b.calErr, "")...)
		}
	}
	if c.assets {
		b.avatar = loadAvatar(b.root, b.project.Brand.Logo)
		rebuildAll = true
	}
	if c.allTempl {
		rebuildAll = true
	}
	files, err := project.FindPosts(b.root)
	if err != nil {
		rep.Diags = append(rep.Diags, diag.Errorf("posts", 0, "cannot list the posts: %v", err))
		files = b.files()
	}
	todo := files
	if !rebuildAll {
		todo = affected(b.entries, files, c)
	}
	if len(todo) == 0 && len(files) == len(b.entries) && !c.config && !c.calendar && !c.assets {
		return outcome{noop: true}
	}
	o := b.build(files, todo, &rep)
	rep.Duration = time.Since(start)
	o.report = rep
	o.all = o.all || c.config || c.assets
	return o
}

// files lists the post files known from the last build.
func (b *buildState) files() []string {
	out := make([]string, 0, len(b.entries))
	for f := range b.entries {
		out = append(out, f)
	}
	sort.Strings(out)
	return out
}

// affected picks the posts a change touches: new post files, changed post
// files and the images they use, the posts of a changed template, and,
// when a template changed, every post whose template is unknown because
// it did not parse.
func affected(entries map[string]*post, files []string, c change) []string {
	var out []string
	for _, f := range files {
		e, known := entries[f]
		if !known || touches(e, c) {
			out = append(out, f)
		}
	}
	return out
}

func touches(e *post, c change) bool {
	if c.allTempl || len(c.templates) > 0 && (e.article == nil || c.templates[e.template]) {
		return true
	}
	file := filepath.ToSlash(e.file)
	dir := ""
	if path.Dir(file) != project.PostsDir { // posts/<slug>/index.md
		dir = path.Dir(file) + "/"
	}
	for _, p := range c.posts {
		if p == file || dir != "" && strings.HasPrefix(p, dir) {
			return true
		}
		for _, d := range e.deps {
			if p == d {
				return true
			}
		}
	}
	return false
}

// build renders todo (a subset of files) in memory, drops entries whose
// file is gone, and makes the next site.
func (b *buildState) build(files, todo []string, rep *Report) outcome {
	var o outcome
	keep := map[string]bool{}
	for _, f := range files {
		keep[f] = true
	}
	for f, e := range b.entries {
		if !keep[f] {
			rep.Removed = append(rep.Removed, f)
			o.slugs = append(o.slugs, e.slug)
			delete(b.entries, f)
		}
	}
	sort.Strings(rep.Removed)
	todo, outside := splitOutside(b.root, todo)
	var results []build.PostResult
	if len(todo) > 0 {
		var err error
		results, err = build.Run(b.ctx, build.Options{Root: b.root, Project: b.project, Posts: todo, Format: render.JPEG,
			Out: filepath.Join(b.root, "dist"), Previous: b.built, DryRun: true, Inspect: true})
		if b.ctx.Err() != nil {
			return outcome{noop: true} // the preview is stopping
		}
		if err != nil {
			rep.Diags = append(rep.Diags, diag.Errorf("", 0, "cannot build: %v", err))
		}
	}
	if b.built == nil {
		b.built = map[string]build.PostResult{}
	}
	for f := range b.built {
		if !keep[f] {
			delete(b.built, f)
		}
	}
	for _, r := range results {
		if r.Err == nil {
			b.built[r.File] = build.PostResult{File: r.File, Manifest: r.Manifest, Files: r.Files}
		}
	}
	for _, r := range append(results, outside...) {
		prev := b.entries[r.File]
		e := newPost(b.root, b.project, r, prev)
		b.entries[r.File] = e
		rep.Posts = append(rep.Posts, r.File)
		rep.Diags = append(rep.Diags, r.Diags...)
		rep.Slides += len(e.slides)
		rep.Drawn += r.Drawn
		if r.Err != nil {
			rep.Failed++
		}
		o.slugs = append(o.slugs, e.slug)
		if prev != nil && prev.slug != e.slug {
			o.slugs = append(o.slugs, prev.slug)
		}
	}
	b.version++
	o.site = newSite(b.version, b.project, b.configErr, b.avatar, b.entries)
	o.site.cal, o.site.calErr = b.cal, b.calErr
	return o
}

// readCalendar reads calendar.yaml, keeping the last plan that parsed
// when it does not.
func (b *buildState) readCalendar() {
	c, _, err := project.ReadCalendar(b.root, b.project)
	b.calErr = err
	if err == nil {
		b.cal = c
	}
}

// splitOutside keeps back post files that are links to files outside the
// project: the preview shows only what the project holds, so such a post
// gets an error instead of being read.
func splitOutside(root string, files []string) (inside []string, refused []build.PostResult) {
	for _, f := range files {
		if insideReal(root, filepath.Join(root, f)) {
			inside = append(inside, f)
			continue
		}
		d := diag.Errorf(f, 0, "this post is a link to a file outside the project; the preview shows only files inside it — copy the post into posts/")
		refused = append(refused, build.PostResult{File: f, Slug: project.SlugOfPath(f), Err: d, Diags: []diag.Diagnostic{d}})
	}
	return inside, refused
}
