package build

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/pkpm-btn3/pkpm/internal/atomicfile"
	"github.com/pkpm-btn3/pkpm/internal/config"
	"github.com/pkpm-btn3/pkpm/internal/content"
	"github.com/pkpm-btn3/pkpm/internal/deck"
	"github.com/pkpm-btn3/pkpm/internal/diag"
	"github.com/pkpm-btn3/pkpm/internal/layout"
	"github.com/pkpm-btn3/pkpm/internal/project"
	"github.com/pkpm-btn3/pkpm/internal/render"
	"github.com/pkpm-btn3/pkpm/internal/theme"
)

// MaxImageBytes is the largest JPEG Instagram accepts.
const MaxImageBytes = 8 << 20

// Options say what to build and where.
type Options struct {
	Root    string // project folder
	Project config.Project
	Posts   []string // post files relative to Root
	Out     string   // output folder (dist)
	Format  render.Format
	Workers int // 0: one per core
	// Progress, when set, is called after each post, from one goroutine
	// at a time.
	Progress func(done, total int)
	// DryRun renders without writing anything.
	DryRun bool
	// Inspect keeps each post's article, composed slides and encoded
	// files in its result, and measures text contrast, for check and
	// export.
	Inspect bool
	// ComposeOnly stops each post once its slides are composed: nothing
	// is drawn, encoded or written. With Inspect, for callers that draw
	// the slides themselves (contact sheets draw them small).
	ComposeOnly bool
}

// SlideInfo describes one written slide in slides.json.
type SlideInfo struct {
	File     string   `json:"file"`
	Width    int      `json:"width"`
	Height   int      `json:"height"`
	Alt      string   `json:"alt"`
	Warnings []string `json:"warnings,omitempty"`
	// Lines are the slide's text lines as set, in reading order.
	Lines []deck.TextLine `json:"lines"`
}

// Manifest is slides.json: what a post's folder holds.
type Manifest struct {
	Slug   string      `json:"slug"`
	Title  string      `json:"title"`
	Source string      `json:"source"`
	Slides []SlideInfo `json:"slides"`
}

// PostResult is what happened to one post.
type PostResult struct {
	File     string
	Slug     string
	Slides   int
	Diags    []diag.Diagnostic // warnings, and the error when Err is set
	Err      error
	Manifest Manifest
	files    map[string][]byte // rendered, not yet written

	// Set with Options.Inspect, for posts that composed:
	Article  *content.Article
	Deck     []deck.Slide
	Files    map[string][]byte       // the encoded slides and slides.json
	Contrast [][]render.TextContrast // per slide, per text line
	BodyMin  float64                 // the template's smallest body size
}

// Run builds the posts in parallel, keeps going past failures, and returns
// one result per post in the order given. Each post's folder is written as
// soon as the post is drawn. When ctx ends, Run stops between slides,
// leaves every folder whole (written or as it was) and returns ctx's
// error with the results it has.
func Run(ctx context.Context, opts Options) ([]PostResult, error) {
	fonts, err := theme.Fonts()
	if err != nil {
		return nil, err
	}
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	results := make([]PostResult, len(opts.Posts))
	// Posts sharing a slug would replace each other's folder: they are
	// found from the front matter alone, before anything is drawn.
	dups := project.DuplicateSlugs(project.Slugs(opts.Root, opts.Posts, opts.Project.Location))
	if !opts.DryRun {
		atomicfile.RemoveTemps(filepath.Join(opts.Out, "slides"))
	}
	jobs := make(chan int)
	var mu sync.Mutex
	done := 0
	tmpls := newTemplateCache(opts.Root)
	shared := render.NewShared()
	var wg sync.WaitGroup
	for w := 0; w < min(workers, max(len(opts.Posts), 1)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			wk := &worker{ctx: ctx, opts: opts, eng: layout.New(fonts.Clone()), r: shared.Renderer(), tmpls: tmpls}
			for i := range jobs {
				results[i] = wk.postOnce(opts.Posts[i], dups)
				if opts.Progress != nil {
					mu.Lock()
					done++
					opts.Progress(done, len(opts.Posts))
					mu.Unlock()
				}
			}
		}()
	}
feed:
	for i := range opts.Posts {
		select {
		case jobs <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(jobs)
	wg.Wait()
	return results, ctx.Err()
}

// postOnce builds a post, unless another post has its slug: then the
// post fails without being drawn, as nothing of it may be written. A dry
// run draws it all the same, for the preview, which shows both posts.
func (w *worker) postOnce(file string, dups map[string]diag.Diagnostic) PostResult {
	d, dup := dups[file]
	if dup && !w.opts.DryRun {
		r := PostResult{File: file, Slug: project.SlugOfPath(file)}
		r.fail(d)
		return r
	}
	r := w.post(file)
	if dup && r.Err == nil {
		r.fail(d)
	}
	w.write(&r)
	return r
}

// write puts a drawn post's folder in place, unless this is a dry run or
// the post failed or was interrupted.
func (w *worker) write(r *PostResult) {
	if r.Err != nil {
		return
	}
	r.Slides = len(r.Manifest.Slides)
	if w.opts.DryRun {
		return
	}
	if err := atomicfile.WriteDir(filepath.Join(w.opts.Out, "slides", r.Slug), r.files); err != nil {
		r.Slides = 0
		r.fail(diag.Errorf(r.File, 0, "writing slides: %v", err))
	}
	r.files = nil
}

// fail records a post's failure as its error and as a diagnostic.
func (r *PostResult) fail(d diag.Diagnostic) {
	r.Err = d
	r.Diags = append(r.Diags, d)
}

// worker owns the caches one goroutine needs.
type worker struct {
	ctx   context.Context
	opts  Options
	eng   *layout.Engine
	r     *render.Renderer
	tmpls *templateCache
}

// Compose reads and composes one post without writing anything: the part
// of a build that tests and the preview share.
func (w *worker) compose(file string) (*content.Article, []deck.Slide, []diag.Diagnostic, error) {
	src, err := os.ReadFile(filepath.Join(w.opts.Root, file))
	if err != nil {
		return nil, nil, nil, diag.Errorf(file, 0, "cannot read the post: %v", err)
	}
	a, err := content.Parse(file, src, w.opts.Project.Location)
	if err != nil {
		return nil, nil, nil, err
	}
	diags := append([]diag.Diagnostic(nil), a.Warnings...)
	t, err := w.tmpls.get(w.templateName(a))
	if err != nil {
		if elsewhere(err, file) {
			return a, nil, diags, err // the template file's own problem, at its line
		}
		return a, nil, diags, diag.Errorf(file, a.Meta.Lines["template"], "%v", err)
	}
	imgs, err := loadImages(w.opts.Root, file, a, w.opts.Project)
	if err != nil {
		return a, nil, diags, err
	}
	size := a.Meta.Size
	if size == "" {
		size = w.opts.Project.Defaults.Size
	}
	slides, more := deck.Compose(deck.Input{Article: a, Template: t, Project: w.opts.Project, Size: size, Images: imgs}, w.eng)
	for _, d := range more {
		if d.Severity == diag.Error {
			return a, nil, diags, d
		}
		diags = append(diags, d)
	}
	return a, slides, diags, nil
}

// templateName is the post's template, else the project's default.
func (w *worker) templateName(a *content.Article) string {
	if a.Meta.Template != "" {
		return a.Meta.Template
	}
	return w.opts.Project.Defaults.Template
}

// post composes and renders one post into memory; Run writes it.
func (w *worker) post(file string) (res PostResult) {
	res.File = file
	res.Slug = project.SlugOfPath(file)
	defer func() {
		// A panic in one post must not take the others down; report it
		// as that post's failure.
		if p := recover(); p != nil {
			res.Err = diag.Errorf(file, 0, "internal error while building this post: %v; please report it with the post attached", p)
		}
		if !isCanceled(res.Err) {
			res.Diags = append(res.Diags, diag.All(res.Err, file)...)
		}
	}()
	a, slides, diags, err := w.compose(file)
	res.Diags = diags
	if err != nil {
		res.Err = err
		return res
	}
	res.Slug = a.Slug
	if w.opts.Inspect {
		res.Article, res.Deck = a, slides
		if t, err := w.tmpls.get(w.templateName(a)); err == nil {
			res.BodyMin = t.Type["body"].Min
		}
	}
	m := Manifest{Slug: a.Slug, Title: a.Meta.Title, Source: filepath.ToSlash(file)}
	if w.opts.ComposeOnly {
		res.Manifest = m
		return res
	}
	files := map[string][]byte{}
	for i, s := range slides {
		if err := w.ctx.Err(); err != nil {
			res.Err = err
			return res
		}
		img := w.r.DrawTemp(s)
		data, err := render.Encode(img, w.opts.Format)
		if err != nil {
			res.Err = fmt.Errorf("encoding slide %d: %w", i+1, err)
			return res
		}
		if len(data) > MaxImageBytes && w.opts.Format == render.JPEG {
			res.Err = diag.Errorf(file, s.Line, "slide %d is %d bytes, over Instagram's 8 MB limit; use fewer or smaller photos", i+1, len(data))
			return res
		}
		if w.opts.Inspect {
			res.Contrast = append(res.Contrast, w.r.TextContrast(s))
		}
		name := fmt.Sprintf("%02d%s", i+1, w.opts.Format.Ext())
		files[name] = data
		m.Slides = append(m.Slides, SlideInfo{File: name, Width: s.W, Height: s.H, Alt: s.Alt, Warnings: s.Warnings, Lines: s.Lines()})
	}
	js, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		res.Err = err
		return res
	}
	files["slides.json"] = append(js, '\n')
	res.Manifest = m
	res.files = files
	if w.opts.Inspect {
		res.Files = files
	}
	return res
}

// templateCache loads each template once per build.
type templateCache struct {
	root string
	mu   sync.Mutex
	m    map[string]templateResult
}

type templateResult struct {
	t   *theme.Template
	err error
}

func newTemplateCache(root string) *templateCache {
	return &templateCache{root: root, m: map[string]templateResult{}}
}

func (c *templateCache) get(name string) (*theme.Template, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if r, ok := c.m[name]; ok {
		return r.t, r.err
	}
	t, err := theme.Load(c.root, name)
	c.m[name] = templateResult{t, err}
	return t, err
}

// isCanceled says whether err is a stop asked for, not a post's problem.
func isCanceled(err error) bool {
	return errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
}

// elsewhere says whether err is a problem in another file than the post,
// such as a template many posts share: it is reported at that file's line,
// so the CLI can print it once for every post it stops.
func elsewhere(err error, file string) bool {
	var d diag.Diagnostic
	return errors.As(err, &d) && d.File != "" && d.File != file
}
