package preview

import (
	"context"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pkpm-btn3/pkpm/internal/project"
)

// benchPost is the example post a save edits: eight slides, the sixth of
// which holds benchLine.
const (
	benchPost = "posts/cara-memakai-masker.md"
	benchLine = "Bawa masker cadangan dalam kantong bersih."
)

// exampleProject copies the repository's own example project (settings,
// logo, templates and every post) into a temporary folder.
func exampleProject(b *testing.B) string {
	b.Helper()
	repo := filepath.Join("..", "..")
	root := b.TempDir()
	var names []string
	for _, pattern := range []string{"pkpm.yaml", "calendar.yaml", "assets/logo.png", "templates/*.yaml", "posts/*.md"} {
		m, err := filepath.Glob(filepath.Join(repo, filepath.FromSlash(pattern)))
		if err != nil || len(m) == 0 {
			b.Fatalf("no %s in the repository", pattern)
		}
		names = append(names, m...)
	}
	for _, src := range names {
		rel, _ := filepath.Rel(repo, src)
		data, err := os.ReadFile(src)
		if err != nil {
			b.Fatal(err)
		}
		writeFile(b, root, filepath.ToSlash(rel), string(data))
	}
	return root
}

// BenchmarkSaveToReload measures what an editor waits for: from saving
// one paragraph of an eight-slide post to the reload event reaching an
// open page, through the watcher, its debounce, the rebuild (one slide
// redrawn) and the event stream. The server runs with its default
// settings over the example project. Besides the mean (ns/op) it reports
// the median save, the figure docs/performance.md gives:
//
//	go test ./internal/preview -run '^$' -bench SaveToReload -benchtime 7x
func BenchmarkSaveToReload(b *testing.B) {
	root := exampleProject(b)
	src, err := os.ReadFile(filepath.Join(root, benchPost))
	if err != nil || !strings.Contains(string(src), benchLine) {
		b.Fatalf("%s does not hold %q", benchPost, benchLine)
	}
	p, err := project.ReadConfig(root)
	if err != nil {
		b.Fatal(err)
	}
	builds := make(chan Report, 100)
	s := New(Config{Root: root, Project: p, OnBuild: func(r Report) { builds <- r }})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	defer func() { cancel(); <-done }()
	if r := <-builds; !r.Initial || r.Failed > 0 {
		b.Fatalf("the first build: %+v", r)
	}
	es := openStream(b, "http://"+ln.Addr().String())
	defer es.res.Body.Close()
	if name, _ := es.next(b, 10*time.Second); name != "hello" {
		b.Fatalf("first event %q", name)
	}
	waits := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := range b.N {
		edited := strings.Replace(string(src), benchLine, fmt.Sprintf("Bawa %d masker cadangan dalam kantong bersih.", i+2), 1)
		start := time.Now()
		if err := os.WriteFile(filepath.Join(root, benchPost), []byte(edited), 0o644); err != nil {
			b.Fatal(err)
		}
		name, data := es.next(b, 30*time.Second)
		if name != "reload" || !strings.Contains(data, "cara-memakai-masker") {
			b.Fatalf("after save %d: %s %s", i+1, name, data)
		}
		waits = append(waits, time.Since(start))
		if r := <-builds; r.Drawn != 1 {
			b.Fatalf("save %d drew %d slides, want 1", i+1, r.Drawn)
		}
	}
	b.StopTimer()
	slices.Sort(waits)
	b.ReportMetric(float64(waits[len(waits)/2])/float64(time.Millisecond), "ms-median")
}

// BenchmarkRebuildAfterSave is the rebuild part of a save alone, without
// the watcher's wait: the example post rebuilt in memory with one slide
// changed.
func BenchmarkRebuildAfterSave(b *testing.B) {
	root := exampleProject(b)
	src, err := os.ReadFile(filepath.Join(root, benchPost))
	if err != nil {
		b.Fatal(err)
	}
	s := newServer(b, root, nil)
	s.buildAll()
	b.ResetTimer()
	for i := range b.N {
		edited := strings.Replace(string(src), benchLine, fmt.Sprintf("Bawa %d masker cadangan dalam kantong bersih.", i+2), 1)
		writeFile(b, root, benchPost, edited)
		o := s.state.apply([]string{benchPost})
		if o.report.Drawn != 1 {
			b.Fatalf("drew %d slides, want 1", o.report.Drawn)
		}
		s.publish(o)
	}
}

// longPost joins the example posts' sections into one post of about 26
// slides, the size of a long explainer.
func longPost(b *testing.B, root string) string {
	b.Helper()
	var head string
	var sections []string
	for i, name := range []string{"protokol-3m-5m", "gejala-covid-19", "cuci-tangan-6-langkah", "cara-memakai-masker"} {
		data, err := os.ReadFile(filepath.Join(root, "posts", name+".md"))
		if err != nil {
			b.Fatal(err)
		}
		parts := strings.SplitN(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n---\n", 3)
		if len(parts) < 3 {
			b.Fatalf("%s has no front matter", name)
		}
		if i == 0 {
			head = strings.Replace(parts[0], "title: ", "title: Panduan Lengkap — ", 1) + "\n---\n"
		}
		sections = append(sections, strings.Split(strings.TrimSpace(parts[1]+"\n---\n"+parts[2]), "\n---\n")...)
	}
	return head + strings.Join(sections[:len(sections)-1], "\n---\n") + "\n"
}

// BenchmarkSheet26 writes the contact sheet of a 26-slide post, as
// `pkpm preview --sheet` does after start-up.
func BenchmarkSheet26(b *testing.B) {
	root := exampleProject(b)
	writeFile(b, root, "posts/panduan-lengkap.md", longPost(b, root))
	p, err := project.ReadConfig(root)
	if err != nil {
		b.Fatal(err)
	}
	var res SheetResult
	for b.Loop() {
		res, err = WriteSheet(context.Background(), SheetOptions{Root: root, Project: p, Post: filepath.Join("posts", "panduan-lengkap.md")})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(res.Slides), "slides")
}
