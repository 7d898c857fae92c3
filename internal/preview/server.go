package preview

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"sync/atomic"
	"time"

	"github.com/pkpm-btn3/pkpm/internal/config"
	"github.com/pkpm-btn3/pkpm/internal/diag"
)

// Config is what a Server needs. Zero durations take defaults.
type Config struct {
	Root    string         // project folder
	Project config.Project // settings read at start; pkpm.yaml is re-read on change
	Now     func() time.Time
	// OnBuild, when set, is told about every build, from one goroutine at
	// a time: the first, and each rebuild after files change.
	OnBuild func(Report)
	// Quiet is how long the watcher waits after the last change of a burst
	// before rebuilding; MaxWait bounds that wait while changes keep coming.
	// The events of one save (truncate, write, rename, chmod) come within
	// a few milliseconds, so the default quiet joins them and is still a
	// small part of what an editor waits for after saving.
	Quiet   time.Duration
	MaxWait time.Duration
}

// Report tells what one build did.
type Report struct {
	Initial  bool
	Posts    []string // files built, relative to the project
	Failed   int
	Slides   int
	Drawn    int      // slides drawn; the others were kept from the last build
	Removed  []string // files that were deleted
	Diags    []diag.Diagnostic
	Config   error // pkpm.yaml did not parse; the last good settings stay
	Duration time.Duration
}

// Server is one preview: its built site, its event hub and its watcher.
type Server struct {
	cfg   Config
	site  atomic.Pointer[site]
	hub   *hub
	pages *pages
	state *buildState // owned by the build loop goroutine
}

// New returns a server for a project. Nothing runs until Serve.
func New(cfg Config) *Server {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Quiet <= 0 {
		cfg.Quiet = 25 * time.Millisecond
	}
	if cfg.MaxWait <= 0 {
		cfg.MaxWait = 500 * time.Millisecond
	}
	s := &Server{cfg: cfg, hub: newHub(), pages: mustParsePages()}
	s.state = newBuildState(cfg.Root, cfg.Project)
	s.site.Store(&site{building: true, project: cfg.Project, now: cfg.Now})
	return s
}

// Serve builds every post, serves the preview on ln, and rebuilds on file
// changes until ctx is done; then it closes open event streams and shuts
// the HTTP server down. It returns nil after a clean shutdown.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	w, err := newWatcher(s.cfg.Root)
	if err != nil {
		ln.Close()
		return fmt.Errorf("cannot watch the project for changes: %w", err)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	s.state.ctx = ctx
	batches := make(chan []string)
	loopDone := make(chan struct{})
	go batch(ctx, w.events, batches, s.cfg.Quiet, s.cfg.MaxWait)
	go func() {
		defer close(loopDone)
		s.buildLoop(ctx, batches)
	}()
	srv := &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          quietLog(),
	}
	// Event streams never go idle, so Shutdown must end them itself.
	srv.RegisterOnShutdown(s.hub.close)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case <-ctx.Done():
	case err = <-errc:
	}
	cancel()
	w.close()
	shut, done := context.WithTimeout(context.Background(), 5*time.Second)
	defer done()
	if e := srv.Shutdown(shut); e != nil && err == nil {
		err = e
	}
	<-loopDone
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	return err
}

// buildAll builds every post once, as Serve does at start. Tests call it
// to drive Handler without serving or watching.
func (s *Server) buildAll() {
	s.publish(s.state.initial())
}

// rebuild handles changed paths (relative to the project, with slashes)
// the way the watcher's batches are handled.
func (s *Server) rebuild(paths []string) {
	s.publish(s.state.apply(paths))
}

func (s *Server) buildLoop(ctx context.Context, batches <-chan []string) {
	s.buildAll()
	for {
		select {
		case <-ctx.Done():
			return
		case b := <-batches:
			s.rebuild(b)
		}
	}
}

// publish swaps in the new site, tells the CLI, and tells open pages.
func (s *Server) publish(o outcome) {
	if o.noop {
		return
	}
	o.site.now = s.cfg.Now
	s.site.Store(o.site)
	if s.cfg.OnBuild != nil {
		s.cfg.OnBuild(o.report)
	}
	s.hub.publish(event{Version: o.site.version, Slugs: o.slugs, All: o.all})
}
