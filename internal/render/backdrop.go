package render

import (
	"fmt"
	"image"
	"sync"

	"github.com/pkpm-btn3/pkpm/internal/deck"
)

// Shared is what the renderers of one build share: backdrops (a slide's
// background and the template decorations under everything else), which
// depend only on the template, the slide's kind and its size, drawn once
// and copied under each slide's text; glyph masks and outlines; and
// colour emoji bitmaps. It is safe for concurrent use.
type Shared struct {
	masks     sync.Map    // glyph masks and outlines (see glyphCache)
	bitmaps   bitmapCache // colour emoji, decoded and scaled
	mu        sync.Mutex
	backdrops map[string]*backdropEntry
	seen      map[string]backdropState // backdrops not (yet) kept
	bytes     int
	clock     uint64 // counts uses, to find the least recently used
}

// backdropState is how far a backdrop that is not kept has come.
type backdropState uint8

const (
	drawnOnce backdropState = iota + 1
	packing                 // by one renderer; the others draw it meanwhile
)

type backdropEntry struct {
	img  *packed
	used uint64
}

// NewShared returns an empty cache; make one per build.
func NewShared() *Shared {
	return &Shared{backdrops: map[string]*backdropEntry{}, seen: map[string]backdropState{}}
}

// backdropBudget bounds the cache's memory: about five portrait canvases
// of gradients, or hundreds of packed flat backdrops. Past it, the
// backdrop used least recently makes room: slides come post by post, so
// the kinds of the posts being drawn stay.
const backdropBudget = 32 << 20

// backdrop paints the slide's background and its leading decorations,
// from the cache when it has them, and returns how many layers it drew.
func (r *Renderer) backdrop(f *frame, s deck.Slide) int {
	n := 0
	for n < len(s.Layers) && cacheable(s.Layers[n]) {
		n++
	}
	if n == 0 && !s.Background.Gradient || f.k < 1 {
		// A solid background alone is a plain fill, as quick as a copy.
		// A thumbnail's backdrop, a ninth of a slide's pixels or less,
		// is drawn again quicker than it is named and copied: the
		// 26-slide contact sheet took 0.967x and 0.977x the time so.
		f.background(s.Background, float64(s.W), float64(s.H))
		for _, l := range s.Layers[:n] {
			r.layer(f, l)
		}
		return n
	}
	key := backdropKey(f, s, n)
	if img := r.shared.get(key); img != nil && img.rect == f.img.Rect {
		img.unpack(f.img)
		return n
	}
	f.background(s.Background, float64(s.W), float64(s.H))
	for _, l := range s.Layers[:n] {
		r.layer(f, l)
	}
	r.shared.put(key, f.img)
	return n
}

// cacheable tells a layer that depends on the template alone: a
// decoration drawn as a vector shape.
func cacheable(l deck.Layer) bool {
	if l.Role != deck.Decor {
		return false
	}
	switch l.Kind {
	case deck.RectLayer, deck.EllipseLayer, deck.RingLayer, deck.DotsLayer, deck.ShapeLayer:
		return true
	}
	return false
}

// backdropKey names everything that shapes a backdrop's pixels.
func backdropKey(f *frame, s deck.Slide, n int) string {
	b := fmt.Appendf(nil, "%v %v %v %v %v|%v", f.img.Rect, f.k, f.ox, f.oy, s.Background, s.W)
	for _, l := range s.Layers[:n] {
		b = fmt.Appendf(b, "|%d %v %v %v %v %v %v %v %v %v", l.Kind, l.X, l.Y, l.W, l.H, l.Radius, l.Thickness, l.Gap, l.Dot, l.Paint)
		if l.Shape != nil {
			b = fmt.Appendf(b, " %v", *l.Shape)
		}
	}
	return string(b)
}

func (s *Shared) get(key string) *packed {
	s.mu.Lock()
	defer s.mu.Unlock()
	e := s.backdrops[key]
	if e == nil {
		return nil
	}
	s.clock++
	e.used = s.clock
	return e.img
}

// put keeps img under key from the key's second use on, packed, and
// evicts the least recently used backdrops to stay within the budget.
// A backdrop only one slide uses (a post's cover or closing) is never
// kept: keeping a gradient costs a canvas-sized copy in fresh memory,
// which takes longer than drawing it again. One renderer packs a
// backdrop while the others draw it, and one too large to keep is not
// packed again. An evicted backdrop may still be being unpacked; it is
// only dropped from the map.
func (s *Shared) put(key string, img *image.RGBA) {
	s.mu.Lock()
	_, kept := s.backdrops[key]
	state := s.seen[key]
	switch {
	case kept || state == packing:
	case state == drawnOnce:
		s.seen[key] = packing
	default:
		s.seen[key] = drawnOnce
	}
	s.mu.Unlock()
	if kept || state != drawnOnce {
		return
	}
	p := pack(img)
	if p.size() > backdropBudget {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.seen, key)
	if _, ok := s.backdrops[key]; ok {
		return
	}
	for s.bytes+p.size() > backdropBudget {
		oldest := ""
		for k, e := range s.backdrops {
			if oldest == "" || e.used < s.backdrops[oldest].used {
				oldest = k
			}
		}
		s.bytes -= s.backdrops[oldest].img.size()
		delete(s.backdrops, oldest)
	}
	s.clock++
	s.backdrops[key] = &backdropEntry{img: p, used: s.clock}
	s.bytes += p.size()
}
