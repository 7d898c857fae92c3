package build

import (
	"encoding/binary"
	"errors"
	"fmt"
	"image"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"sync"

	"github.com/pkpm-btn3/pkpm/internal/atomicfile"
	"github.com/pkpm-btn3/pkpm/internal/content"
	"github.com/pkpm-btn3/pkpm/internal/deck"
	"github.com/pkpm-btn3/pkpm/internal/diag"
	"github.com/pkpm-btn3/pkpm/internal/theme"
)

// A post goes through named steps, in order; each does one thing to a
// job and can be run alone in a test. The first two run for every post
// before the others run for any, so bad input is reported early and
// duplicate slugs are found before anything is written.
type step struct {
	name string
	run  func(b *builder, w int, j *job) error
}

var (
	prepare = []step{{"read", read}, {"parse", parse}}
	produce = []step{
		{"template", pickTemplate},
		{"images", readPhotos},
		{"fingerprint", fingerprint},
		{"compose", compose},
		{"render", renderSlides},
		{"write", write},
	}
)

// job is one post on its way through the steps.
type job struct {
	index    int
	finished bool // guarded by Run's lock
	file     string
	src      []byte
	article  *content.Article
	tmpl     *theme.Template
	tmplHash string
	size     string
	photos   map[string]photoFile // by path as written; the logo under deck.LogoKey
	inputs   string               // the fingerprint of all of the above
	old      *Manifest            // what the output folder holds, if anything
	oldFiles map[string][]byte    // its files, when it is held in memory
	dir      string               // the post's output folder
	folder   *atomicfile.Folder   // the folder being written, swapped in at the end
	upToDate bool                 // the folder already holds this post
	imgs     *imageHashes         // hashes of the post's photos
	slides   []deck.Slide

	mu      sync.Mutex // guards what the drawing workers fill in
	infos   []SlideInfo
	files   map[string][]byte
	drawErr error

	res PostResult
}

// read reads the post file.
func read(b *builder, _ int, j *job) error {
	src, err := os.ReadFile(filepath.Join(b.opts.Root, j.file))
	if err != nil {
		return diag.Errorf(j.file, 0, "cannot read the post: %v", err)
	}
	j.src = src
	return nil
}

// parse decodes the front matter and the Markdown.
func parse(b *builder, _ int, j *job) error {
	a, err := content.Parse(j.file, j.src, b.opts.Project.Location)
	if err != nil {
		return err
	}
	j.article = a
	j.res.Slug = a.Slug
	j.res.Diags = append(j.res.Diags, a.Warnings...)
	j.size = a.Meta.Size
	if j.size == "" {
		j.size = b.opts.Project.Defaults.Size
	}
	if b.opts.Inspect {
		j.res.Article = a
	}
	return nil
}

// pickTemplate loads the post's template, else the project's default.
func pickTemplate(b *builder, _ int, j *job) error {
	name := j.article.Meta.Template
	if name == "" {
		name = b.opts.Project.Defaults.Template
	}
	t, hash, err := b.tmpls.get(name)
	if err != nil {
		if elsewhere(err, j.file) {
			return err // the template file's own problem, at its line
		}
		return diag.Errorf(j.file, j.article.Meta.Lines["template"], "%v", err)
	}
	j.tmpl, j.tmplHash = t, hash
	if b.opts.Inspect {
		j.res.BodyMin = t.Type["body"].Min
	}
	return nil
}

// readPhotos reads the post's photos and the brand logo, undecoded: their
// bytes are what the fingerprint needs.
func readPhotos(b *builder, _ int, j *job) error {
	photos, err := readImages(b.opts.Root, j.file, j.article)
	if err != nil {
		return err
	}
	logo, err := b.logoFile()
	if err != nil {
		return err
	}
	if logo != nil {
		photos[deck.LogoKey] = *logo
	}
	j.photos = photos
	return nil
}

// fingerprint hashes the post's inputs and, when the output folder holds
// a build of exactly these, ends the post's build there.
func fingerprint(b *builder, _ int, j *job) error {
	h := newHasher(b.imgs)
	h.str(fingerprintVersion)
	h.str(b.rendererID())
	h.str(b.opts.Format.Ext())
	h.str(filepath.ToSlash(j.file))
	h.bytes(j.src)
	h.value(reflect.ValueOf(b.opts.Project))
	if loc := b.opts.Project.Location; loc != nil {
		h.str(loc.String())
	}
	h.str(j.tmplHash)
	h.str(j.size)
	keys := make([]string, 0, len(j.photos))
	for k := range j.photos {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		h.str(k)
		h.str(j.photos[k].hash)
	}
	j.inputs = h.sum()
	j.dir = b.postDir(j)
	if b.opts.ComposeOnly {
		return nil
	}
	if b.opts.Force {
		return nil
	}
	// A plain build reads of the old slides.json only what finding the
	// post up to date needs, and the rest when it is not (its slides are
	// then reused one by one). Inspecting callers get it whole.
	brief := false
	if prev, ok := b.opts.Previous[j.file]; ok && prev.Err == nil && prev.Files != nil {
		j.old, j.oldFiles = &prev.Manifest, prev.Files
	} else if j.dir != "" {
		brief = !b.opts.Inspect
		if old, err := readManifest(j.dir, brief); err == nil {
			j.old = old
		}
	}
	// Slides kept in memory are not in the output folder, which a build
	// that writes must fill.
	inMemory := j.oldFiles != nil && !b.opts.DryRun
	if j.old == nil || j.old.Inputs != j.inputs || inMemory || !j.complete(b, b.opts.Inspect) {
		if brief && j.old != nil {
			j.old, _ = ReadManifest(j.dir)
		}
		return nil
	}
	j.upToDate = true
	j.res.Manifest = *j.old
	j.res.Reused = len(j.old.Slides)
	b.progress.add(0, 0, j.res.Reused)
	j.res.Diags = append(j.res.Diags, j.old.diagnostics(j.file)...)
	if b.opts.Inspect {
		j.res.Files = j.files
	}
	return nil
}

// complete reports whether every slide the old manifest lists is on
// disk (or in memory); with read, it also reads them.
func (j *job) complete(b *builder, read bool) bool {
	for _, s := range j.old.Slides {
		if !read && j.oldFiles == nil {
			if _, err := os.Stat(filepath.Join(j.dir, s.File)); err != nil {
				return false
			}
			continue
		}
		data, err := j.readOld(s.File, b.opts.Heads)
		if err != nil {
			j.files = nil
			return false
		}
		if read {
			j.keep(s.File, data)
		}
	}
	if read {
		data, _ := j.old.encode()
		j.keep(ManifestFile, data)
	}
	return true
}

// compose decodes the photos and lays the post out into slides.
//
// The post's sections may be laid out on engines other workers are not
// using at that moment, so a post composed alone keeps every core busy.
// Fonts load with the first engine, so a build that fails on its input
// never loads them.
func compose(b *builder, _ int, j *job) error {
	if b.opts.ComposeOnly && loadDeck(b, j) {
		return nil
	}
	b.warmUp(j)
	eng, err := b.engines.Get()
	if err != nil {
		return err
	}
	defer b.engines.Put(eng)
	imgs, err := b.decodeImages(j)
	if err != nil {
		return err
	}
	slides, diags := deck.Compose(deck.Input{Article: j.article, Template: j.tmpl, Project: b.opts.Project, Size: j.size, Images: imgs, Helpers: b.engines}, eng)
	var kept []Warning
	for _, d := range diags {
		if d.Severity == diag.Error {
			return d
		}
		j.res.Diags = append(j.res.Diags, d)
		w := Warning{Line: d.Line, Message: d.Message}
		if d.File != j.file {
			w.File = d.File
		}
		kept = append(kept, w)
	}
	j.slides = slides
	j.res.Manifest = Manifest{Slug: j.article.Slug, Title: j.article.Meta.Title, Source: filepath.ToSlash(j.file), Inputs: j.inputs, Warnings: kept}
	if b.opts.Inspect {
		j.res.Deck = slides
	}
	return nil
}

// decodeImages decodes the post's photos and the logo, and registers
// them with their files' hashes.
func (b *builder) decodeImages(j *job) (map[string]image.Image, error) {
	imgs, err := decodeImages(j.photos, j.article, b.opts.Project, &b.logos)
	if err != nil {
		return nil, err
	}
	j.imgs = b.imgs.child()
	for k, img := range imgs {
		j.imgs.register(img, j.photos[k].hash)
	}
	j.photos = nil
	return imgs, nil
}

// loadDeck takes the post's composed slides from its output folder when
// they were composed from the same inputs, for callers that only compose
// (contact sheets): the post was laid out when it was built. It reports
// whether it did; anything missing, stale or broken means the post is
// composed as usual.
func loadDeck(b *builder, j *job) bool {
	path := b.deckPath(j)
	if path == "" {
		return false
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return false
	}
	inputs, warnings, data, err := openDeckFile(data)
	if err != nil || inputs != j.inputs {
		return false
	}
	// The slides' fonts are read for drawing on the idle core while the
	// images are decoded here, before the regular font is waited for:
	// the other way round, this core sat idle for it.
	theme.WarmToDraw(deck.MayUseItalic(j.article, j.tmpl))
	photos := j.photos
	if _, err := b.decodeImages(j); err != nil {
		j.photos = photos // composing reports the error
		return false
	}
	fonts, err := theme.Fonts()
	if err != nil {
		j.photos = photos
		return false
	}
	slides, err := deck.Load(data, deck.Refs{Face: fonts.Clone().DrawingFaceOf, Image: j.imgs.byName})
	if err != nil {
		j.photos = photos
		return false
	}
	j.slides = slides
	j.res.Manifest = Manifest{Slug: j.article.Slug, Title: j.article.Meta.Title, Source: filepath.ToSlash(j.file), Inputs: j.inputs, Warnings: warnings}
	j.res.Diags = append(j.res.Diags, j.res.Manifest.diagnostics(j.file)...)
	if b.opts.Inspect {
		j.res.Deck = slides
	}
	return true
}

// storeDeck writes the post's composed slides into its new folder, unless
// they point at an image read from no file (nothing names it then).
func (b *builder) storeDeck(j *job) error {
	fonts, err := theme.Fonts()
	if err != nil {
		return nil
	}
	data, err := deck.Store(j.slides, deck.Refs{FaceID: fonts.FaceNumber, ImageID: j.imgs.name})
	if err != nil {
		return nil
	}
	return j.folder.Write(DeckFile, deckFile(j.inputs, j.res.Manifest.Warnings, data))
}

// deckFile is what DeckFile holds: the inputs the slides were composed
// from and the warnings composing gave, then the slides as deck.Store
// wrote them. A contact sheet reads it alone: decoding slides.json took
// 4 ms for a 26-slide post.
func deckFile(inputs string, warnings []Warning, slides []byte) []byte {
	b := binary.AppendUvarint(nil, uint64(len(inputs)))
	b = append(b, inputs...)
	b = binary.AppendUvarint(b, uint64(len(warnings)))
	for _, w := range warnings {
		b = binary.AppendUvarint(b, uint64(len(w.File)))
		b = append(b, w.File...)
		b = binary.AppendVarint(b, int64(w.Line))
		b = binary.AppendUvarint(b, uint64(len(w.Message)))
		b = append(b, w.Message...)
	}
	return append(b, slides...)
}

// openDeckFile reads what deckFile wrote and returns the slides' part.
func openDeckFile(b []byte) (inputs string, warnings []Warning, slides []byte, err error) {
	broken := errors.New("a broken " + DeckFile)
	str := func() string {
		n, k := binary.Uvarint(b)
		if k <= 0 || n > uint64(len(b)-k) {
			err = broken
			b = nil
			return ""
		}
		s := string(b[k : k+int(n)])
		b = b[k+int(n):]
		return s
	}
	inputs = str()
	n, k := binary.Uvarint(b)
	if k <= 0 || n > uint64(len(b)) {
		return "", nil, nil, broken
	}
	b = b[k:]
	for range n {
		w := Warning{File: str()}
		line, k := binary.Varint(b)
		if k <= 0 {
			return "", nil, nil, broken
		}
		b = b[k:]
		w.Line, w.Message = int(line), str()
		warnings = append(warnings, w)
	}
	if err != nil {
		return "", nil, nil, err
	}
	return inputs, warnings, b, nil
}

// renderSlides keeps each slide the output folder already holds with the
// same fingerprint and has the others drawn, encoded and written by the
// drawing workers, then waits for them.
func renderSlides(b *builder, _ int, j *job) error {
	if b.opts.ComposeOnly {
		return nil
	}
	if !b.opts.DryRun {
		if err := j.begin(); err != nil {
			return diag.Errorf(j.file, 0, "writing slides: %v", err)
		}
	}
	old := map[string]SlideInfo{}
	if j.old != nil && !b.opts.Force {
		for _, si := range j.old.Slides {
			old[si.Fingerprint] = si
		}
	}
	j.infos = make([]SlideInfo, len(j.slides))
	var todo []int
	for i := range j.slides {
		if err := b.ctx.Err(); err != nil {
			return err
		}
		if len(old) == 0 {
			// Nothing to reuse: each slide is fingerprinted by the
			// worker that draws it, on a core of its own, and the first
			// slides are drawn sooner.
			todo = append(todo, i)
			continue
		}
		j.infos[i] = j.describe(b, i)
		if prev, ok := old[j.infos[i].Fingerprint]; ok && j.reuse(b, i, prev) {
			j.res.Reused++
			b.progress.add(0, 0, 1)
			continue
		}
		todo = append(todo, i)
	}
	var wg sync.WaitGroup
	for _, i := range heavyFirst(j.slides, todo) {
		if err := b.ctx.Err(); err != nil {
			wg.Wait()
			return err
		}
		wg.Add(1)
		b.tasks <- drawTask{j: j, i: i, done: &wg}
		j.res.Drawn++
	}
	// Every slide is handed out and all but the last few are written:
	// the stored slides are written and the syncs started while those
	// are drawn, and not after.
	var err error
	if j.folder != nil {
		err = b.storeDeck(j)
		j.folder.SyncAhead()
	}
	wg.Wait()
	if err != nil {
		return diag.Errorf(j.file, 0, "writing slides: %v", err)
	}
	return j.drawErr
}

// heavyFirst orders the slides to draw so that those with a gradient
// background or a photo, which take about twice as long to draw and
// encode as a flat one, go first. Otherwise the closing slide, last in
// the post, was often drawn and encoded on one core after the others
// had finished.
func heavyFirst(slides []deck.Slide, todo []int) []int {
	heavy := func(s deck.Slide) bool {
		if s.Background.Gradient {
			return true
		}
		for _, l := range s.Layers {
			if l.Kind == deck.ImageLayer {
				return true
			}
		}
		return false
	}
	out := make([]int, 0, len(todo))
	for _, i := range todo {
		if heavy(slides[i]) {
			out = append(out, i)
		}
	}
	for _, i := range todo {
		if !heavy(slides[i]) {
			out = append(out, i)
		}
	}
	return out
}

// describe fingerprints slide i and says what slides.json records of it.
func (j *job) describe(b *builder, i int) SlideInfo {
	name := fmt.Sprintf("%02d%s", i+1, b.opts.Format.Ext())
	fp := slideFingerprint(b.rendererID(), b.opts.Format.Ext(), j.slides[i], j.imgs)
	return slideInfo(name, fp, j.slides[i])
}

// readOld reads a slide of the previous build, or with head its first
// HeadBytes.
func (j *job) readOld(name string, head bool) ([]byte, error) {
	if j.oldFiles != nil {
		data, ok := j.oldFiles[name]
		if !ok {
			return nil, os.ErrNotExist
		}
		if head {
			data = data[:min(len(data), HeadBytes)]
		}
		return data, nil
	}
	if !head {
		return os.ReadFile(filepath.Join(j.dir, name))
	}
	f, err := os.Open(filepath.Join(j.dir, name))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	buf := make([]byte, HeadBytes)
	n, err := io.ReadFull(f, buf)
	if err == io.ErrUnexpectedEOF || err == io.EOF {
		err = nil
	}
	return buf[:n], err
}

// reuse takes slide i from the previous build's file, reporting whether
// it could. A file on disk is linked into the new folder, not copied.
func (j *job) reuse(b *builder, i int, prev SlideInfo) bool {
	name := j.infos[i].File
	keep := b.opts.Inspect
	if keep || j.oldFiles != nil {
		// The whole file when it is to be written here; else as much
		// as is kept.
		data, err := j.readOld(prev.File, b.opts.Heads && j.oldFiles == nil)
		if err != nil {
			return false
		}
		if keep {
			j.keep(name, data)
		}
		if j.folder != nil && j.oldFiles != nil && j.folder.Write(name, data) != nil {
			return false
		}
	}
	if j.folder != nil && j.oldFiles == nil && j.folder.Link(filepath.Join(j.dir, prev.File), name) != nil {
		return false
	}
	j.infos[i].Contrast = prev.Contrast
	j.infos[i].SHA256, j.infos[i].Bytes = prev.SHA256, prev.Bytes
	return true
}

// keep holds an encoded file in the result, for check and the preview.
func (j *job) keep(name string, data []byte) {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.files == nil {
		j.files = map[string][]byte{}
	}
	j.files[name] = data
}

// write records slides.json and swaps the post's new folder in.
func write(b *builder, _ int, j *job) error {
	if b.opts.ComposeOnly {
		return nil
	}
	j.res.Manifest.Slides = j.infos
	data, err := j.res.Manifest.encode()
	if err != nil {
		return err
	}
	if b.opts.Inspect {
		j.keep(ManifestFile, data)
		j.res.Files = j.files
	}
	if b.opts.DryRun {
		return nil
	}
	if err := j.commit(data); err != nil {
		return diag.Errorf(j.file, 0, "writing slides: %v", err)
	}
	return nil
}

// release drops what only the steps needed, so memory holds one result
// per post and not its slides, and removes a folder a failed post left.
func (j *job) release(inspect bool) {
	if j.folder != nil {
		j.folder.Discard()
		j.folder = nil
	}
	j.src, j.photos, j.old, j.oldFiles, j.infos = nil, nil, nil, nil, nil
	j.slides, j.tmpl, j.imgs = nil, nil, nil
	if !inspect {
		j.files, j.article = nil, nil
	}
}

// result is the post's result, with its error as a diagnostic too.
func (j *job) result() PostResult {
	r := j.res
	if r.Err == nil {
		r.Slides = len(r.Manifest.Slides)
		return r
	}
	if !isCanceled(r.Err) {
		r.Diags = append(r.Diags, diag.All(r.Err, j.file)...)
	}
	r.Drawn, r.Reused = 0, 0
	return r
}
