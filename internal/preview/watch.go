package preview

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/fsnotify/fsnotify"

	"github.com/pkpm-btn3/pkpm/internal/calendar"
	"github.com/pkpm-btn3/pkpm/internal/config"
)

// watchedDirs are the project folders whose every file matters.
var watchedDirs = []string{"posts", "templates", "assets"}

// watcher turns file system events under the project into changed
// paths, relative to the project and slash-separated.
type watcher struct {
	root   string
	fsw    *fsnotify.Watcher
	events chan string
	stop   chan struct{} // closed first, so a blocked send gives up
	done   chan struct{} // closed when run returns
}

func newWatcher(root string) (*watcher, error) {
	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &watcher{root: root, fsw: fsw, events: make(chan string, 256), stop: make(chan struct{}), done: make(chan struct{})}
	// The project folder itself, for pkpm.yaml, calendar.yaml, and the
	// watched folders appearing.
	if err := fsw.Add(root); err != nil {
		fsw.Close()
		return nil, err
	}
	for _, d := range watchedDirs {
		w.addTree(filepath.Join(root, d), false)
	}
	go w.run()
	return w, nil
}

func (w *watcher) close() {
	close(w.stop)
	w.fsw.Close()
	<-w.done
}

func (w *watcher) run() {
	defer close(w.done)
	for {
		select {
		case ev, ok := <-w.fsw.Events:
			if !ok {
				return
			}
			w.handle(ev)
		case _, ok := <-w.fsw.Errors:
			// An overflowed queue loses events; the next save is seen.
			if !ok {
				return
			}
		}
	}
}

func (w *watcher) handle(ev fsnotify.Event) {
	if ev.Op == fsnotify.Chmod {
		return
	}
	rel, ok := w.relevant(ev.Name)
	if !ok {
		return
	}
	if ev.Has(fsnotify.Create) {
		if st, err := os.Lstat(ev.Name); err == nil && st.IsDir() {
			// A new folder: watch it, and report what it already holds
			// (files made before the watch was in place).
			w.addTree(ev.Name, true)
			return
		}
	}
	w.emit(rel)
}

// relevant says whether a path is one the preview cares about, and gives
// it relative to the project.
func (w *watcher) relevant(name string) (string, bool) {
	rel, err := filepath.Rel(w.root, name)
	if err != nil || rel == "." || strings.HasPrefix(rel, "..") {
		return "", false
	}
	rel = filepath.ToSlash(rel)
	if scratchFile(filepath.Base(name)) {
		return "", false
	}
	top, _, nested := strings.Cut(rel, "/")
	switch {
	case !nested:
		return rel, rel == config.FileName || rel == calendar.FileName || isWatchedDir(rel)
	case isWatchedDir(top):
		return rel, true
	}
	return "", false
}

func isWatchedDir(name string) bool {
	for _, d := range watchedDirs {
		if name == d {
			return true
		}
	}
	return false
}

// scratchFile recognises editors' swap, backup and probe files.
func scratchFile(base string) bool {
	return strings.HasPrefix(base, ".") || strings.HasPrefix(base, "#") || strings.HasSuffix(base, "~") ||
		strings.HasSuffix(base, ".swp") || strings.HasSuffix(base, ".swx") || base == "4913"
}

// addTree watches a folder and its subfolders; with report, it also
// emits every file found, as a folder moved in arrives whole.
func (w *watcher) addTree(dir string, report bool) {
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			if p != dir && scratchFile(d.Name()) {
				return filepath.SkipDir
			}
			_ = w.fsw.Add(p)
			return nil
		}
		if report {
			if rel, ok := w.relevant(p); ok {
				w.emit(rel)
			}
		}
		return nil
	})
}

func (w *watcher) emit(rel string) {
	select {
	case w.events <- rel:
	case <-w.stop:
	}
}
