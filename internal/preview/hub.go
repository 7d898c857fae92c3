package preview

import (
	"slices"
	"sync"
)

// event tells open pages that the site changed: to which version, for
// which posts, or for every page.
type event struct {
	Version int      `json:"version"`
	Slugs   []string `json:"slugs,omitempty"`
	All     bool     `json:"all,omitempty"`
}

// hub hands events to the open event streams. It belongs to one Server.
// A slow page never holds up a rebuild: events waiting for a stream are
// merged into one.
type hub struct {
	mu     sync.Mutex
	subs   map[*sub]bool
	closed chan struct{}
	once   sync.Once
}

// sub is one open event stream.
type sub struct {
	wake    chan struct{} // holds a token while an event waits
	mu      sync.Mutex
	pending *event
}

func newHub() *hub { return &hub{subs: map[*sub]bool{}, closed: make(chan struct{})} }

func (h *hub) subscribe() *sub {
	s := &sub{wake: make(chan struct{}, 1)}
	h.mu.Lock()
	h.subs[s] = true
	h.mu.Unlock()
	return s
}

func (h *hub) unsubscribe(s *sub) {
	h.mu.Lock()
	delete(h.subs, s)
	h.mu.Unlock()
}

// count is the number of open streams.
func (h *hub) count() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.subs)
}

func (h *hub) publish(e event) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for s := range h.subs {
		s.add(e)
	}
}

// close ends every stream, for shutdown.
func (h *hub) close() { h.once.Do(func() { close(h.closed) }) }

func (s *sub) add(e event) {
	s.mu.Lock()
	if s.pending == nil {
		s.pending = &event{}
	}
	p := s.pending
	p.Version = max(p.Version, e.Version)
	p.All = p.All || e.All
	for _, slug := range e.Slugs {
		if !slices.Contains(p.Slugs, slug) {
			p.Slugs = append(p.Slugs, slug)
		}
	}
	s.mu.Unlock()
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// take returns the waiting event, if any.
func (s *sub) take() *event {
	s.mu.Lock()
	defer s.mu.Unlock()
	e := s.pending
	s.pending = nil
	return e
}
