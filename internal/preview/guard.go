package preview

import (
	"io"
	"log"
	"net"
	"net/http"
	"strings"
)

// Handler serves the pages, the slides from memory, the embedded assets
// and the event stream. Nothing else: no path reaches the file system, and
// there are no directory listings.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.postsPage)
	mux.HandleFunc("GET /post/{slug}", s.postPage)
	mux.HandleFunc("GET /grid", s.gridPage)
	mux.HandleFunc("GET /calendar", s.calendarPage)
	mux.HandleFunc("GET /slides/{slug}/{name}", s.slideFile)
	mux.HandleFunc("GET /static/{name}", serveStatic)
	mux.HandleFunc("GET /avatar", s.avatarFile)
	mux.HandleFunc("GET /events", s.events)
	return guard(mux)
}

// csp allows only the preview's own scripts, styles, fonts and images.
const csp = "default-src 'none'; img-src 'self' data:; style-src 'self'; script-src 'self'; font-src 'self'; " +
	"connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// guard answers 404 to any path that is not plainly one of ours (dot
// segments, encoded dots or slashes, empty segments, backslashes) before
// routing, so no cleaned-up variant is ever redirected to or served. It
// refuses requests for another host name when bound to loopback, so a web
// page cannot reach the preview by pointing its own name at 127.0.0.1.
func guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Content-Security-Policy", csp)
		if !plainPath(r.URL.Path, r.URL.EscapedPath()) {
			http.NotFound(w, r)
			return
		}
		if local, ok := r.Context().Value(http.LocalAddrContextKey).(net.Addr); ok && isLoopback(local) && !loopbackHost(r.Host) {
			http.Error(w, "the preview answers only to 127.0.0.1 and localhost", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// plainPath accepts "/" and paths of non-empty segments without dots,
// backslashes, colons or control characters, whose escapes hide no
// '.', '/', '\' or '%'.
func plainPath(path, escaped string) bool {
	if path == "/" {
		return true
	}
	if !strings.HasPrefix(path, "/") {
		return false
	}
	low := strings.ToLower(escaped)
	for _, bad := range []string{"%2e", "%2f", "%5c", "%25", "%00"} {
		if strings.Contains(low, bad) {
			return false
		}
	}
	for _, seg := range strings.Split(path[1:], "/") {
		if seg == "" || seg == "." || seg == ".." || strings.ContainsAny(seg, "\\:") {
			return false
		}
		for _, c := range seg {
			if c < 0x20 || c == 0x7f {
				return false
			}
		}
	}
	return true
}

func isLoopback(a net.Addr) bool {
	if t, ok := a.(*net.TCPAddr); ok {
		return t.IP.IsLoopback()
	}
	return false
}

func loopbackHost(host string) bool {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.Trim(host, "[]")
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// quietLog drops net/http's own log lines (a client that hung up, a bad
// request): the preview reports what matters through Report.
func quietLog() *log.Logger { return log.New(io.Discard, "", 0) }
