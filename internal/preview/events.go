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
// then a "reload" after every rebuild.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	rc := http.NewResponseController(w)
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	sub := s.hub.subscribe()
	defer s.hub.unsubscribe(sub)
	fmt.Fprintf(w, "retry: 1000\n\n")
	if !send(w, rc, "hello", event{Version: s.site.Load().version}) {
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
			if e := sub.take(); e != nil && !send(w, rc, "reload", *e) {
				return
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
