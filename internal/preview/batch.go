package preview

import (
	"context"
	"sort"
	"time"
)

// batch gathers changed paths from in into sets sent on out. A set is
// ready once no change has come for quiet, or maxWait after its first
// change while changes keep coming; it is sent when the receiver is free,
// and changes that come meanwhile join it. So a burst of saves costs a
// few rebuilds, never one per event, and a slow rebuild is never queued
// behind others.
func batch(ctx context.Context, in <-chan string, out chan<- []string, quiet, maxWait time.Duration) {
	pending := map[string]bool{}
	var first time.Time
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	ready := false
	for {
		var send chan<- []string
		var next []string
		if ready {
			send, next = out, sorted(pending)
		}
		select {
		case <-ctx.Done():
			timer.Stop()
			return
		case p, ok := <-in:
			if !ok {
				in = nil
				continue
			}
			if len(pending) == 0 {
				first = time.Now()
			}
			pending[p] = true
			if !ready {
				timer.Reset(min(quiet, max(maxWait-time.Since(first), 0)))
			}
		case <-timer.C:
			ready = len(pending) > 0
		case send <- next:
			pending, ready = map[string]bool{}, false
		}
	}
}

func sorted(set map[string]bool) []string {
	out := make([]string, 0, len(set))
	for p := range set {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}
