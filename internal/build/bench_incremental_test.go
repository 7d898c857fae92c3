package build

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/pkpm-btn3/pkpm/internal/config"
	"github.com/pkpm-btn3/pkpm/internal/render"
)

// BenchmarkFingerprintPost measures what a build spends to decide that a
// post is unchanged: reading and parsing it, loading its template from
// the cache, reading its photos and hashing all of it.
func BenchmarkFingerprintPost(b *testing.B) {
	root, _ := filepath.Abs("testdata")
	bl := newBuilder(context.Background(), Options{Root: root, Project: config.Default(), Format: render.JPEG, Renderer: "bench"})
	steps := append(append([]step(nil), prepare...), produce[:3]...)
	for b.Loop() {
		j := &job{file: "golden.md"}
		bl.run(0, j, steps)
		if j.res.Err != nil || j.inputs == "" {
			b.Fatal(j.res.Err)
		}
	}
}

// BenchmarkFingerprintSlides measures hashing every composed slide of a
// post, which a build does for a post whose inputs changed.
func BenchmarkFingerprintSlides(b *testing.B) {
	slides := composeFixture(b)
	imgs := newImageHashes()
	for b.Loop() {
		for _, s := range slides {
			slideFingerprint("bench", ".jpg", s, imgs)
		}
	}
}

// BenchmarkNoopBuild200 measures a build of 200 built posts that have
// not changed. Setting up draws all of them once, which takes a while.
func BenchmarkNoopBuild200(b *testing.B) {
	root := b.TempDir()
	var posts []string
	for i := range 200 {
		f := fmt.Sprintf("posts/post-%03d.md", i)
		writeFile(b, filepath.Join(root, f), fmt.Appendf(nil, "---\ntitle: Cuci Tangan %d\nsize: landscape\n---\n\nCuci tangan dengan sabun.\n\n## Kapan\n\nSebelum makan, ke-%d.\n", i, i))
		posts = append(posts, f)
	}
	opts := Options{Root: root, Project: config.Default(), Posts: posts, Out: filepath.Join(root, "dist"), Format: render.JPEG}
	if _, err := Run(context.Background(), opts); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		results, err := Run(context.Background(), opts)
		if err != nil {
			b.Fatal(err)
		}
		for _, r := range results {
			if r.Err != nil || r.Drawn != 0 {
				b.Fatalf("%s: drew %d slides: %v", r.File, r.Drawn, r.Err)
			}
		}
	}
}

// BenchmarkColdBuildExamples measures a cold build of the example
// project's posts (7 posts, every slide kind) into an empty folder: the
// whole pipeline, drawing and encoding included.
func BenchmarkColdBuildExamples(b *testing.B) {
	root, _ := filepath.Abs("../..")
	posts, err := filepath.Glob(filepath.Join(root, "posts", "*.md"))
	if err != nil || len(posts) == 0 {
		b.Fatalf("no example posts: %v", err)
	}
	for i, p := range posts {
		posts[i], _ = filepath.Rel(root, p)
	}
	for b.Loop() {
		opts := Options{Root: root, Project: config.Default(), Posts: posts, Out: b.TempDir(), Format: render.JPEG}
		results, err := Run(context.Background(), opts)
		if err != nil {
			b.Fatal(err)
		}
		for _, r := range results {
			if r.Err != nil {
				b.Fatalf("%s: %v", r.File, r.Err)
			}
		}
	}
}
