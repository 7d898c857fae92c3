package build

import "sync"

// Progress is how far a build has come: posts finished out of all, and
// the slides drawn and kept from the last build so far.
type Progress struct {
	Posts, Total  int
	Drawn, Reused int
}

// tracker counts a build's progress and tells Options.Progress, from one
// goroutine at a time.
type tracker struct {
	mu   sync.Mutex
	p    Progress
	tell func(Progress)
}

func newTracker(total int, tell func(Progress)) *tracker {
	return &tracker{p: Progress{Total: total}, tell: tell}
}

// add counts finished posts and slides drawn or kept, and reports.
func (t *tracker) add(posts, drawn, reused int) {
	if t.tell == nil {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	t.p.Posts += posts
	t.p.Drawn += drawn
	t.p.Reused += reused
	t.tell(t.p)
}
