package preview

import (
	"encoding/json"
	"fmt"
	"net/http"
	"time"
)

// keepAlive is how often an idle event stream gets a comment, so proxies
// and browsers do not drop it.
const keepAlive = 20 * time.Second

// events streams reloads to a page: first a "hello" with the current
// version (a page rendered before a rebuild it missed reloads on it),
// then a "reload" after every later rebuild.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	rc := http.NewResponseController(w)
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	sub := s.hub.subscribe()
	defer s.hub.unsubscribe(sub)
	fmt.Fprintf(w, "retry: 1000\n\n")
	// An event of a build the page already has (published between the
	// subscription and the hello) is not news.
	seen := s.site.Load().version
	if !send(w, rc, "hello", event{Version: seen}) {
		return
	}
	tick := time.NewTicker(keepAlive)
	defer tick.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-s.hub.closed:
			return
		case <-sub.wake:
			if e := sub.take(); e != nil && e.Version > seen {
				if !send(w, rc, "reload", *e) {
					return
				}
				seen = e.Version
			}
		case <-tick.C:
			if _, err := fmt.Fprint(w, ": ping\n\n"); err != nil || rc.Flush() != nil {
				return
			}
		}
	}
}

func send(w http.ResponseWriter, rc *http.ResponseController, name string, e event) bool {
	data, _ := json.Marshal(e)
	if _, err := fmt.Fprintf(w, "event: %s\ndata: %s\n\n", name, data); err != nil {
		return false
	}
	return rc.Flush() == nil
}
