package build

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sync"

	"github.com/pkpm-btn3/pkpm/internal/deck"
	"github.com/pkpm-btn3/pkpm/internal/diag"
	"github.com/pkpm-btn3/pkpm/internal/render"
	"github.com/pkpm-btn3/pkpm/internal/stacksize"
)

// drawTask is one slide to draw, encode and write.
type drawTask struct {
	j    *job
	i    int
	done *sync.WaitGroup
}

// startDrawing starts one drawing worker per core, each with its own
// renderer and its caches, made ready for slides of w×h pixels. Slides of
// every post share them, so a single post keeps every core busy.
func (b *builder) startDrawing(w, h int) {
	shared := render.NewShared()
	for range b.workers {
		b.drawing.Add(1)
		go func() {
			defer b.drawing.Done()
			stacksize.Reserve()
			r := shared.Renderer()
			r.Prepare(w, h, b.opts.Format)
			for t := range b.tasks {
				b.draw(r, t)
			}
		}()
	}
}

// drawEncoded draws a slide, measures its text and encodes it: a JPEG
// band by band, holding a band of the slide and not all of it.
func drawEncoded(r *render.Renderer, s deck.Slide, f render.Format) ([]byte, []render.TextContrast, error) {
	if f == render.JPEG {
		data, tc := r.DrawJPEG(s)
		return data, tc, nil
	}
	img, tc := r.DrawMeasured(s)
	data, err := r.EncodeTemp(img, f)
	return data, tc, err
}

func (b *builder) stopDrawing() {
	close(b.tasks)
	b.drawing.Wait()
}

// draw draws one slide, measures its text contrast, encodes it and
// writes it into the post's new folder, so only the slides being drawn
// are in memory.
func (b *builder) draw(r *render.Renderer, t drawTask) {
	j, i := t.j, t.i
	defer t.done.Done()
	defer func() {
		if p := recover(); p != nil {
			j.failDraw(diag.Errorf(j.file, 0, "internal error while drawing slide %d: %v; please report it with the post attached", i+1, p))
		}
	}()
	if err := b.ctx.Err(); err != nil {
		j.failDraw(err)
		return
	}
	if j.infos[i].Fingerprint == "" {
		j.infos[i] = j.describe(b, i)
	}
	s := j.slides[i]
	data, tc, err := drawEncoded(r, s, b.opts.Format)
	if err != nil {
		j.failDraw(fmt.Errorf("encoding slide %d: %w", i+1, err))
		return
	}
	if len(data) > MaxImageBytes && b.opts.Format == render.JPEG {
		j.failDraw(diag.Errorf(j.file, s.Line, "slide %d is %d bytes, over Instagram's 8 MB limit; use fewer or smaller photos", i+1, len(data)))
		return
	}
	name := j.infos[i].File
	if j.folder != nil {
		if err := j.folder.Write(name, data); err != nil {
			j.failDraw(diag.Errorf(j.file, 0, "writing slide %d: %v", i+1, err))
			return
		}
	}
	if b.opts.Inspect {
		keep := data
		if b.opts.Heads {
			keep = data[:min(len(data), HeadBytes)]
		}
		j.keep(name, bytes.Clone(keep)) // data is the renderer's buffer
	}
	j.infos[i].Contrast = contrastOf(tc)
	sum := sha256.Sum256(data)
	j.infos[i].SHA256, j.infos[i].Bytes = hex.EncodeToString(sum[:]), len(data)
	b.progress.add(0, 1, 0)
}

// failDraw records the first drawing error of a post.
func (j *job) failDraw(err error) {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.drawErr == nil {
		j.drawErr = err
	}
}
