package build

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"

	"github.com/pkpm-btn3/pkpm/internal/atomicfile"
	"github.com/pkpm-btn3/pkpm/internal/config"
	"github.com/pkpm-btn3/pkpm/internal/content"
	"github.com/pkpm-btn3/pkpm/internal/deck"
	"github.com/pkpm-btn3/pkpm/internal/diag"
	"github.com/pkpm-btn3/pkpm/internal/hugeheap"
	"github.com/pkpm-btn3/pkpm/internal/layout"
	"github.com/pkpm-btn3/pkpm/internal/project"
	"github.com/pkpm-btn3/pkpm/internal/render"
	"github.com/pkpm-btn3/pkpm/internal/stacksize"
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
	// Progress, when set, is told how far the build is after each post
	// and each slide, from one goroutine at a time.
	Progress func(Progress)
	// DryRun renders without writing anything.
	DryRun bool
	// Inspect keeps each post's article and encoded files in its result,
	// for check, export and the preview. Slides whose fingerprints match
	// the output folder's are read from it, not drawn.
	Inspect bool
	// Heads, with Inspect, keeps of each slide's file only its first
	// HeadBytes: what check's image rules read (format, colour model,
	// size in pixels), the file's length being in slides.json. check and
	// export read 29 MB instead of 245 MB for 1,830 slides; export reads
	// a slide whole only to write a bundle.
	Heads bool
	// ComposeOnly stops each post once its slides are composed: nothing
	// is drawn, encoded or written. With Inspect, for callers that draw
	// the slides themselves (contact sheets draw them small). With Out,
	// a post whose folder there holds slides composed from the same
	// inputs (DeckFile) takes them instead of being laid out again.
	ComposeOnly bool
	// Each, when set, is given each post's result as soon as it and the
	// posts before it are done, in the order given, from one goroutine at
	// a time; the results Run returns then keep no articles or files, so
	// memory does not grow with the project.
	Each func(PostResult)
	// Previous holds results of an earlier Inspect run, by post file,
	// whose slides are reused like the output folder's: the preview keeps
	// them between saves.
	Previous map[string]PostResult
	// Force draws every slide again, whatever the output folder holds.
	Force bool
	// Renderer names the code that draws slides, for fingerprints; empty
	// means RendererIdentity. Tests set it to stand for a changed renderer.
	Renderer string
}

// PostResult is what happened to one post.
type PostResult struct {
	File     string
	Slug     string
	Slides   int
	Diags    []diag.Diagnostic // warnings, and the error when Err is set
	Err      error
	Manifest Manifest
	// Drawn counts the slides this build drew, Reused those it kept
	// because their fingerprints matched.
	Drawn, Reused int

	// Set with Options.Inspect, for posts that built (see CheckPost):
	Article *content.Article
	Files   map[string][]byte // the encoded slides and slides.json
	BodyMin float64           // the template's smallest body size
	Deck    []deck.Slide      // the composed slides; nil when the post was up to date
}

// Run builds the posts, keeps going past failures, and returns one result
// per post in the order given. Every post is read and parsed first, so a
// broken front matter is reported before anything heavy starts and two
// posts with one slug are refused before either is written. Then posts are
// composed on a pool of workers and their slides drawn on another, one
// slide per core, each written to disk as soon as it is encoded; the
// drawing workers start with the first post to be composed. When ctx
// ends, Run stops between slides, leaves every folder whole (written or
// as it was) and returns ctx's error with the results it has.
func Run(ctx context.Context, opts Options) ([]PostResult, error) {
	defer BoundMemory()()
	b := newBuilder(ctx, opts)
	jobs := make([]*job, len(opts.Posts))
	for i, f := range opts.Posts {
		jobs[i] = &job{index: i, file: f, res: PostResult{File: f, Slug: project.SlugOfPath(f)}}
	}
	b.each(jobs, func(w int, j *job) { b.run(w, j, prepare) })
	if opts.ComposeOnly {
		b.warmFonts(jobs)
	}
	// A dry run for the preview draws posts that share a slug and fails
	// them afterwards: the preview shows them while it waits for one to
	// be renamed. Otherwise they are refused before anything is written
	// or handed on.
	late := opts.DryRun && opts.Each == nil
	if !late {
		rejectDuplicateSlugs(jobs)
	}
	if !opts.DryRun {
		atomicfile.RemoveTemps(filepath.Join(opts.Out, "slides"))
	}
	var mu sync.Mutex
	next := 0
	b.each(jobs, func(w int, j *job) {
		b.run(w, j, produce)
		j.release(opts.Inspect && opts.Each == nil)
		mu.Lock()
		defer mu.Unlock()
		j.finished = true
		for ; opts.Each != nil && next < len(jobs) && jobs[next].finished; next++ {
			opts.Each(jobs[next].result())
			jobs[next].res.Article, jobs[next].res.Files, jobs[next].res.Deck = nil, nil, nil
		}
		b.progress.add(1, 0, 0)
	})
	b.stopDrawing()
	if late {
		rejectDuplicateSlugs(jobs)
	}
	results := make([]PostResult, len(jobs))
	for i, j := range jobs {
		results[i] = j.result()
	}
	return results, ctx.Err()
}

// HeadBytes is how much of each slide's file Options.Heads keeps: the
// markers up to the frame header, with room for colour profiles.
const HeadBytes = 16 << 10

// memoryLimit is the heap a build aims to stay under. What a build holds
// at once is about 50 MB (fonts, a band of a slide per worker, cached
// backdrops);
// the rest of its memory is garbage from encoded slides, which the
// collector, left to its default pace, lets grow with the project.
const memoryLimit = 100 << 20

// gcPercent is the collector's pace in a build after its first
// collection: it lets the heap grow to five times what is live before
// collecting, where Go's default is twice. A build's garbage is
// short-lived and the memory limit caps the heap of a large project, so
// collecting less often is cheap. The 10-slide bench build (41 paired
// runs each) took 5 % less time at 200 than at Go's 100 and 5 % less
// again at 400, for 1 and 4 MiB more at peak. The 210-post build, held
// by the limit, peaks at 110 MiB instead of 100 MiB.
const gcPercent = 400

// firstPace is the pace until the build's first collection (not
// counting the one that frees hugeheap's block). Go's first
// goal is 4 MB times the pace over 100: 16 MB at gcPercent, which a
// 10-slide build passed while its first slides were drawn, so a
// collection ran then; at 1100 it is 44 MB, just under the huge-heap
// block (48 MB), which a 26-slide post's build or contact sheet does not
// reach either. With the workers' canvases made ahead, the 10-slide
// build took 0.92× the time of the code before (40 runs in turn, at
// 800); 1100 against 800 gave the contact sheet 0.95× and its post's
// build 0.98× (30 and 20 runs), 10 and 50 slides 1.00×, for 12 MiB more
// at the 50-slide build's peak. A pace of 800 throughout took 1.2 to
// 1.3× for check and a second export of 210 posts, which after their
// first collection now run at gcPercent as before. The first goal stays
// under the block, so that the heap does not grow past the huge pages
// before it is first collected.
const firstPace = 1100

// BoundMemory sets the collector's pace and soft memory limit for a
// build, unless the user set GOGC or GOMEMLIMIT, and returns what puts
// the old ones back; commands keep them to the end of their process with
// HoldMemoryBound, export and contact sheets for what they do after
// building too. It also asks for huge pages (hugeheap.Advise) where the
// process did not at start-up, as a command run in a test does not.
func BoundMemory() func() {
	holding.Lock()
	held := holding.restore != nil
	holding.Unlock()
	if held {
		return func() {}
	}
	return bound()
}

// bound sets the build's memory settings and returns what puts the old
// ones back.
func bound() func() {
	hugeheap.Advise()
	first := gcCycles() + 1
	restore := []func(){}
	if os.Getenv("GOMEMLIMIT") == "" {
		old := debug.SetMemoryLimit(memoryLimit)
		restore = append(restore, func() { debug.SetMemoryLimit(old) })
	}
	if os.Getenv("GOGC") == "" {
		old := debug.SetGCPercent(firstPace)
		p := &pacing{on: true}
		p.lowerAfter(first)
		restore = append(restore, func() { p.end(old) })
	}
	return func() {
		for _, f := range restore {
			f()
		}
	}
}

// pacing lowers a build's pace from firstPace to gcPercent after its
// first collection, unless the build has ended by then.
type pacing struct {
	mu sync.Mutex
	on bool
}

// lowerAfter sets the pace to gcPercent once n collections have finished
// in the process. A cleanup runs after the collection that finds its
// object unreachable; one that comes too early arms another.
func (p *pacing) lowerAfter(n uint64) {
	runtime.AddCleanup(new([32]byte), func(p *pacing) {
		p.mu.Lock()
		defer p.mu.Unlock()
		switch {
		case !p.on:
		case gcCycles() < n:
			p.lowerAfter(n)
		default:
			debug.SetGCPercent(gcPercent)
		}
	}, p)
}

// end puts the pace the build found back.
func (p *pacing) end(old int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.on = false
	debug.SetGCPercent(old)
}

// gcCycles is how many collections have finished in the process.
func gcCycles() uint64 {
	s := []metrics.Sample{{Name: "/gc/cycles/total:gc-cycles"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// holding keeps what puts the memory settings back while a command
// holds them.
var holding struct {
	sync.Mutex
	restore func()
}

// HoldMemoryBound sets what BoundMemory sets for the rest of the process,
// for commands whose process ends with their work (build, check, export,
// a contact sheet); BoundMemory then leaves the settings alone. Putting
// the old pace back at the end only started a collection, the heap being
// over the old pace's goal, and stopped the world twice, on the way out
// of a process: under strace, 7 ms from the last folder swap to the exit
// of a 10-slide build against 2.4 ms without. Whole-process timings do
// not show it past their noise (1 % or less).
func HoldMemoryBound() {
	holding.Lock()
	defer holding.Unlock()
	if holding.restore == nil {
		holding.restore = bound()
	}
}

// builder holds what one Run shares between its posts.
type builder struct {
	ctx      context.Context
	opts     Options
	workers  int
	renderer string
	tmpls    *templateCache
	imgs     *imageHashes
	logos    logoCache
	engines  *layout.Pool // one per worker, made on first use
	progress *tracker
	tasks    chan drawTask
	drawing  sync.WaitGroup
	idOnce   sync.Once
	warm     sync.Once
	// logoFile reads the brand logo once for every post of the build:
	// reading and hashing it for each post was a tenth of a build that
	// finds 210 posts up to date.
	logoFile func() (*photoFile, error)
}

func newBuilder(ctx context.Context, opts Options) *builder {
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	imgs := newImageHashes()
	return &builder{ctx: ctx, opts: opts, workers: workers, renderer: opts.Renderer, tasks: make(chan drawTask, workers),
		logoFile: sync.OnceValues(func() (*photoFile, error) { return readBrandLogo(opts.Root, opts.Project) }),
		tmpls:    newTemplateCache(opts.Root, imgs), imgs: imgs, engines: layout.NewPool(workers, theme.Fonts),
		progress: newTracker(len(opts.Posts), opts.Progress)}
}

// each calls f for every job on the builder's workers; w is the worker.
func (b *builder) each(jobs []*job, f func(w int, j *job)) {
	next := make(chan *job)
	var wg sync.WaitGroup
	for w := range min(b.workers, max(len(jobs), 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			stacksize.Reserve()
			for j := range next {
				f(w, j)
			}
		}()
	}
feed:
	for _, j := range jobs {
		select {
		case next <- j:
		case <-b.ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
}

// run takes a job through steps until one fails or finds the post
// up to date.
func (b *builder) run(w int, j *job, steps []step) {
	defer func() {
		// A panic in one post must not take the others down; report it
		// as that post's failure.
		if p := recover(); p != nil {
			j.res.Err = diag.Errorf(j.file, 0, "internal error while building this post: %v; please report it with the post attached", p)
		}
	}()
	for _, s := range steps {
		if j.res.Err != nil || j.upToDate {
			return
		}
		if err := b.ctx.Err(); err != nil {
			j.res.Err = err
			return
		}
		if err := s.run(b, w, j); err != nil {
			j.res.Err = err
		}
	}
}

// warmUp starts, the first time a post is to be composed, what every
// composing needs and would otherwise do in turn on one core: reading the
// fonts (the italic ones only if that post may use them) and decoding
// the brand logo. It also starts the drawing workers,
// which make their canvases for the post's size while it is composed.
// Nothing waits for it; what needs a font or the logo before it is ready
// waits for that alone. A build that finds every post up to date never
// calls it.
func (b *builder) warmUp(j *job) {
	b.warm.Do(func() {
		italic := deck.MayUseItalic(j.article, j.tmpl)
		theme.Warm(italic)
		if logo := j.photos[deck.LogoKey]; logo.data != nil {
			go b.logos.decode(logo) // an error is the post's own decode's to report
		}
		if !b.opts.ComposeOnly {
			w, h, _ := deck.Canvas(j.tmpl, j.size)
			b.startDrawing(w, h)
		}
	})
}

// warmFonts starts reading the fonts every drawing of text needs once a
// post has been read and checked, for a caller that composes only to
// draw: whether its slides come from DeckFile or are laid out again, it
// draws text, and the fonts are then read on the idle core while the
// post's template and images are read (the 26-slide contact sheet waited
// 5 ms for them in its first post's compose step). Decoding the logo
// then too took the cores from both: the sheet took 1.04 times as long.
// When the post's folder holds its stored slides, which are most likely
// taken, the fonts but the regular and bold ones are read for drawing
// only (theme.WarmToDraw). A post that fails before it is checked starts
// nothing.
func (b *builder) warmFonts(jobs []*job) {
	for _, j := range jobs {
		if j.res.Err == nil {
			if b.mayLoadDeck(j) {
				theme.WarmToDraw(false)
			} else {
				theme.Warm(false)
			}
			return
		}
	}
}

// deckPath is where loadDeck looks for a parsed post's stored slides;
// "" when it takes none (nothing is written, or all is drawn again).
func (b *builder) deckPath(j *job) string {
	dir := b.postDir(j)
	if dir == "" || b.opts.Force {
		return ""
	}
	return filepath.Join(dir, DeckFile)
}

// mayLoadDeck reports whether loadDeck may take the post's slides, once
// it is parsed: its folder holds them.
func (b *builder) mayLoadDeck(j *job) bool {
	path := b.deckPath(j)
	if path == "" {
		return false
	}
	_, err := os.Stat(path)
	return err == nil
}

// postDir is the folder of a parsed post's slides, or "" when nothing is
// written.
func (b *builder) postDir(j *job) string {
	if b.opts.Out == "" {
		return ""
	}
	return filepath.Join(b.opts.Out, "slides", j.article.Slug)
}

// rendererID is the renderer's identity for fingerprints, found on first
// use for the same reason.
func (b *builder) rendererID() string {
	b.idOnce.Do(func() {
		if b.renderer == "" {
			b.renderer = RendererIdentity()
		}
	})
	return b.renderer
}

// rejectDuplicateSlugs fails every post whose slug another post also has,
// before anything is written: one would silently replace the other.
func rejectDuplicateSlugs(jobs []*job) {
	slugs := map[string]string{}
	for _, j := range jobs {
		if j.res.Err == nil {
			slugs[j.file] = j.res.Slug
		}
	}
	dups := project.DuplicateSlugs(slugs)
	for _, j := range jobs {
		if d, ok := dups[j.file]; ok {
			j.res.Err = d
		}
	}
}

// elsewhere says whether err is a problem in another file than the post,
// such as a template many posts share: it is reported at that file's line,
// so the CLI can print it once for every post it stops.
func elsewhere(err error, file string) bool {
	var d diag.Diagnostic
	return errors.As(err, &d) && d.File != "" && d.File != file
}

// isCanceled says whether err is a stop asked for, not a post's problem.
func isCanceled(err error) bool {
	return errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
}

// templateCache loads each template once per build, and fingerprints it
// once.
type templateCache struct {
	root string
	imgs *imageHashes
	mu   sync.Mutex
	m    map[string]*templateResult
}

type templateResult struct {
	t    *theme.Template
	err  error
	hash string
}

func newTemplateCache(root string, imgs *imageHashes) *templateCache {
	return &templateCache{root: root, imgs: imgs, m: map[string]*templateResult{}}
}

func (c *templateCache) get(name string) (*theme.Template, string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if r, ok := c.m[name]; ok {
		return r.t, r.hash, r.err
	}
	r := &templateResult{}
	r.t, r.err = theme.Load(c.root, name)
	if r.err == nil {
		r.hash = templateHash(r.t, c.imgs)
	}
	c.m[name] = r
	return r.t, r.hash, r.err
}
