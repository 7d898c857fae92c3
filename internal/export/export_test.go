package export

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pkpm-btn3/pkpm/internal/content"
	"github.com/pkpm-btn3/pkpm/internal/render"
)

func testPost(t *testing.T, body string) Post {
	t.Helper()
	jakarta, _ := time.LoadLocation("Asia/Jakarta")
	a, err := content.Parse("posts/masker.md", []byte("---\ntitle: Pakai Masker\ndate: 2020-08-03 19:00\nstatus: ready\nhashtags: [masker]\n---\n\n"+body+"\n"), jakarta)
	if err != nil {
		t.Fatal(err)
	}
	p := Post{Article: a}
	for i, alt := range []string{"Sampul: Pakai Masker", "Langkah satu"} {
		img := render.New().Draw(solid(i))
		data, err := render.Encode(img, render.JPEG)
		if err != nil {
			t.Fatal(err)
		}
		p.Slides = append(p.Slides, Slide{Name: []string{"01.jpg", "02.jpg"}[i], Data: data, Width: 108, Height: 135, Alt: alt})
	}
	return p
}

func TestBundleFiles(t *testing.T) {
	files, m := Files(testPost(t, "Masker melindungi kita."), "v1.0.0")
	if Name(testPost(t, "x").Article) != "2020-08-03_masker" {
		t.Errorf("name = %q", Name(testPost(t, "x").Article))
	}
	if m.Scheduled != "2020-08-03T19:00:00+07:00" || m.Schema != SchemaVersion || m.Pkpm != "v1.0.0" || len(m.Slides) != 2 {
		t.Errorf("manifest = %+v", m)
	}
	if got := string(files["caption.txt"]); got != "Pakai Masker\n\nMasker melindungi kita.\n\n#masker\n" {
		t.Errorf("caption.txt = %q", got)
	}
	if got := string(files["alt.txt"]); got != "Slide 1: Sampul: Pakai Masker\nSlide 2: Langkah satu\n" {
		t.Errorf("alt.txt = %q", got)
	}
}

func TestWriteIsReproducibleAndVerifiable(t *testing.T) {
	dir := t.TempDir()
	p := testPost(t, "Masker melindungi kita.")
	if _, err := Write(context.Background(), dir, p, "v1"); err != nil {
		t.Fatal(err)
	}
	first, _ := os.ReadFile(filepath.Join(dir, "2020-08-03_masker.zip"))
	if err := Verify(filepath.Join(dir, "2020-08-03_masker")); err != nil {
		t.Fatal(err)
	}
	if _, err := Write(context.Background(), dir, p, "v1"); err != nil {
		t.Fatal(err)
	}
	second, _ := os.ReadFile(filepath.Join(dir, "2020-08-03_masker.zip"))
	if !bytes.Equal(first, second) {
		t.Error("exporting twice gave different zips")
	}
	// A corrupted slide is caught.
	os.WriteFile(filepath.Join(dir, "2020-08-03_masker", "02.jpg"), []byte("x"), 0o644)
	if Verify(filepath.Join(dir, "2020-08-03_masker")) == nil {
		t.Error("Verify accepted a corrupted slide")
	}
}

func TestWriteStopsWhenCancelled(t *testing.T) {
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Write(ctx, dir, testPost(t, "x"), "v1"); err == nil {
		t.Fatal("a cancelled export wrote")
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 0 {
		t.Errorf("a cancelled export left %d entries", len(ents))
	}
}

func TestBundleNameCannotLeaveDir(t *testing.T) {
	p := testPost(t, "x")
	p.Article.Slug = "../../etc"
	if _, err := Write(context.Background(), t.TempDir(), p, "v1"); err == nil || !strings.Contains(err.Error(), "would leave") {
		t.Fatalf("err = %v", err)
	}
}

func TestIndexListsInPostingOrder(t *testing.T) {
	mk := func(folder, title, when string) Entry {
		return Entry{Folder: folder, Manifest: Manifest{Title: title, Scheduled: when, Status: "ready", Caption: "Teks " + title,
			Slides: []SlideRecord{{File: "01.jpg", Alt: "alt " + title}}}, Thumbs: [][]byte{{0xff, 0xd8}}}
	}
	page, err := index(t, []Entry{mk("b", "Kedua", "2020-08-05T19:00:00+07:00"), mk("u", "Tanpa Tanggal", ""), mk("a", "Pertama", "2020-08-03T19:00:00+07:00")}, "id")
	if err != nil {
		t.Fatal(err)
	}
	s := string(page)
	i, j, k := strings.Index(s, "Pertama"), strings.Index(s, "Kedua"), strings.Index(s, "Tanpa Tanggal")
	if !(i < j && j < k) {
		t.Errorf("order: %d %d %d", i, j, k)
	}
	for _, want := range []string{`href="a.zip"`, `href="a/01.jpg"`, `data-name="a_01.jpg"`, "data:image/jpeg;base64,", "Teks Kedua", "alt Pertama"} {
		if !strings.Contains(s, want) {
			t.Errorf("index lacks %q", want)
		}
	}
	if strings.Contains(s, "http://") || strings.Contains(s, "https://") {
		t.Error("index refers to an external resource")
	}
}

// The page speaks the project's language, Indonesian unless it says en;
// every word comes from the catalogue.
func TestIndexLanguage(t *testing.T) {
	e := Entry{Folder: "2020-08-03_masker", Manifest: Manifest{Title: "Pakai Masker", Status: "ready", Caption: "Teks",
		Slides: []SlideRecord{{File: "01.jpg", Alt: "a"}, {File: "02.jpg", Alt: "b"}}}, Thumbs: [][]byte{{0xff}, {0xff}}}
	for lang, words := range map[string][]string{
		"id": {`<html lang="id">`, "Siap diunggah", ">Simpan<", "Simpan semua", "Salin keterangan", "Unduh zip", "Tekan lama untuk menyalin", "2 slide<", ">siap<", "Tanpa tanggal", "Slide 2 ukuran penuh"},
		"en": {`<html lang="en">`, "Ready to post", ">Save<", "Save all", "Copy caption", "Download zip", "Long-press to copy", "2 slides<", ">ready<", "No date", "Slide 2 at full size"},
	} {
		page, err := index(t, []Entry{e}, lang)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range words {
			if !strings.Contains(string(page), w) {
				t.Errorf("%s page lacks %q", lang, w)
			}
		}
	}
	id, _ := index(t, []Entry{e}, "id")
	for _, w := range []string{"Save", "Copy", "Download", "Upload"} {
		if strings.Contains(string(id), ">"+w) {
			t.Errorf("Indonesian page says %q", w)
		}
	}
}

func TestRescheduledPostKeepsOneBundle(t *testing.T) {
	dir := t.TempDir()
	p := testPost(t, "x")
	if _, err := Write(context.Background(), dir, p, "v1"); err != nil {
		t.Fatal(err)
	}
	other := testPost(t, "x")
	other.Article.Slug = "lain"
	if _, err := Write(context.Background(), dir, other, "v1"); err != nil {
		t.Fatal(err)
	}
	p.Article.Meta.Date = p.Article.Meta.Date.AddDate(0, 0, 2)
	if _, err := Write(context.Background(), dir, p, "v1"); err != nil {
		t.Fatal(err)
	}
	var names []string
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		names = append(names, e.Name())
	}
	want := "2020-08-03_lain 2020-08-03_lain.zip 2020-08-05_masker 2020-08-05_masker.zip"
	if got := strings.Join(names, " "); got != want {
		t.Errorf("bundles = %s, want %s", got, want)
	}
}

// cancelLater is a context that is cancelled from its second check on,
// as when Ctrl-C comes while a bundle is being written.
type cancelLater struct {
	context.Context
	checks int
}

func (c *cancelLater) Err() error {
	c.checks++
	if c.checks > 1 {
		return context.Canceled
	}
	return nil
}

func TestInterruptedWriteKeepsFolderAndZipTogether(t *testing.T) {
	dir := t.TempDir()
	if _, err := Write(context.Background(), dir, testPost(t, "Versi lama."), "v1"); err != nil {
		t.Fatal(err)
	}
	_, _ = Write(&cancelLater{Context: context.Background()}, dir, testPost(t, "Versi baru."), "v1")
	if err := Verify(filepath.Join(dir, "2020-08-03_masker")); err != nil {
		t.Fatalf("after an interrupted export: %v", err)
	}
}

// An unchanged post's bundle is not written again: the folder and the
// zip stay the very files they were; a changed post's are replaced.
func TestUnchangedBundleIsNotRewritten(t *testing.T) {
	dir := t.TempDir()
	p := testPost(t, "Masker melindungi kita.")
	if _, err := Write(context.Background(), dir, p, "v1"); err != nil {
		t.Fatal(err)
	}
	stat := func(name string) os.FileInfo {
		st, err := os.Stat(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return st
	}
	zip, folder := stat("2020-08-03_masker.zip"), stat("2020-08-03_masker/caption.txt")
	if _, err := Write(context.Background(), dir, p, "v1"); err != nil {
		t.Fatal(err)
	}
	if !os.SameFile(zip, stat("2020-08-03_masker.zip")) || !os.SameFile(folder, stat("2020-08-03_masker/caption.txt")) {
		t.Error("exporting an unchanged post wrote its bundle again")
	}
	if _, err := Write(context.Background(), dir, testPost(t, "Masker melindungi keluarga."), "v1"); err != nil {
		t.Fatal(err)
	}
	if os.SameFile(zip, stat("2020-08-03_masker.zip")) {
		t.Error("a changed post kept its old zip")
	}
}

// The index keeps each slide's thumbnail by the slide's hash: writing it
// again reads the kept thumbnail instead of decoding the slide, and the
// thumbnails of bundles that are gone are removed.
func TestIndexKeepsThumbnails(t *testing.T) {
	dir := t.TempDir()
	when := func(Manifest) string { return "" }
	a, b := testPost(t, "Masker melindungi kita."), testPost(t, "Cuci tangan dengan sabun.")
	b.Article.Slug = "cuci-tangan"
	b.Slides = b.Slides[:1]
	other, err := render.Encode(render.New().Draw(solid(2)), render.JPEG) // a picture a does not have
	if err != nil {
		t.Fatal(err)
	}
	b.Slides[0].Data = other
	var ms []Manifest
	for _, p := range []Post{a, b} {
		m, err := Write(context.Background(), dir, p, "v1")
		if err != nil {
			t.Fatal(err)
		}
		ms = append(ms, m)
	}
	if err := WriteIndex(context.Background(), dir, "id", when); err != nil {
		t.Fatal(err)
	}
	first, _ := os.ReadFile(filepath.Join(dir, "index.html"))
	firstInfo, _ := os.Stat(filepath.Join(dir, "index.html"))
	kept, _ := os.ReadDir(filepath.Join(dir, thumbDir))
	if n := len(ms[0].Slides) + len(ms[1].Slides); len(kept) != n {
		t.Fatalf("%d thumbnails kept, want %d", len(kept), n)
	}
	// A slide that can no longer be decoded shows its thumbnail is not
	// made again.
	folder := filepath.Join(dir, strings.SplitN(ms[0].Scheduled, "T", 2)[0]+"_"+ms[0].Slug)
	if ms[0].Scheduled == "" {
		folder = filepath.Join(dir, "undated_"+ms[0].Slug)
	}
	slide := filepath.Join(folder, ms[0].Slides[0].File)
	if err := os.WriteFile(slide, []byte("not a JPEG"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteIndex(context.Background(), dir, "id", when); err != nil {
		t.Fatalf("writing the index again decoded a slide: %v", err)
	}
	if again, _ := os.ReadFile(filepath.Join(dir, "index.html")); !bytes.Equal(first, again) {
		t.Error("the index changed though no bundle did")
	}
	if info, _ := os.Stat(filepath.Join(dir, "index.html")); !os.SameFile(firstInfo, info) {
		t.Error("the same index was written again") // 30 MB synced for nothing on 210 posts
	}
	if _, err := Prune(dir, map[string]bool{ms[1].Slug: true}); err != nil {
		t.Fatal(err)
	}
	if err := WriteIndex(context.Background(), dir, "id", when); err != nil {
		t.Fatal(err)
	}
	if kept, _ := os.ReadDir(filepath.Join(dir, thumbDir)); len(kept) != len(ms[1].Slides) {
		t.Errorf("%d thumbnails kept after a bundle was removed, want %d", len(kept), len(ms[1].Slides))
	}
}

// A bundle is current when its manifest is what would be written: a post
// described by its slides' hashes alone says so without their data, and
// any change to the slides, their text or the zip says otherwise.
func TestCurrent(t *testing.T) {
	dir := t.TempDir()
	p := testPost(t, "Masker melindungi kita.")
	if Current(dir, p, "v1") {
		t.Fatal("a bundle not written yet is current")
	}
	m, err := Write(context.Background(), dir, p, "v1")
	if err != nil {
		t.Fatal(err)
	}
	hashed := p
	hashed.Slides = nil
	for i, s := range p.Slides {
		hashed.Slides = append(hashed.Slides, Slide{Name: s.Name, Width: s.Width, Height: s.Height, Alt: s.Alt, SHA256: m.Slides[i].SHA256, Bytes: m.Slides[i].Bytes})
	}
	if !Current(dir, hashed, "v1") || !Current(dir, p, "v1") {
		t.Fatal("the bundle just written is not current")
	}
	for name, change := range map[string]func(*Post){
		"another picture": func(q *Post) { q.Slides[0].SHA256 = strings.Repeat("0", 64) },
		"another alt":     func(q *Post) { q.Slides[1].Alt = "Langkah dua" },
		"no hash":         func(q *Post) { q.Slides[0].SHA256 = "" },
	} {
		q := hashed
		q.Slides = append([]Slide(nil), hashed.Slides...)
		change(&q)
		if Current(dir, q, "v1") {
			t.Errorf("%s: still current", name)
		}
	}
	if Current(dir, hashed, "v2") {
		t.Error("another version of pkpm: still current")
	}
	if err := os.Remove(filepath.Join(dir, Name(p.Article)+".zip")); err != nil {
		t.Fatal(err)
	}
	if Current(dir, hashed, "v1") {
		t.Error("without its zip: still current")
	}
}

// An index write that is stopped leaves the previous page whole.
func TestWriteIndexStopsWhenCancelled(t *testing.T) {
	dir := t.TempDir()
	when := func(Manifest) string { return "" }
	if _, err := Write(context.Background(), dir, testPost(t, "Masker melindungi kita."), "v1"); err != nil {
		t.Fatal(err)
	}
	if err := WriteIndex(context.Background(), dir, "id", when); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(filepath.Join(dir, "index.html"))
	b := testPost(t, "Cuci tangan dengan sabun.")
	b.Article.Slug = "cuci-tangan"
	if _, err := Write(context.Background(), dir, b, "v1"); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := WriteIndex(ctx, dir, "id", when); err == nil {
		t.Fatal("a cancelled index write succeeded")
	}
	if after, _ := os.ReadFile(filepath.Join(dir, "index.html")); !bytes.Equal(before, after) {
		t.Error("a cancelled index write changed the page")
	}
}

// index renders the bundles page into memory.
func index(t *testing.T, entries []Entry, lang string) ([]byte, error) {
	t.Helper()
	var buf bytes.Buffer
	err := IndexTo(&buf, entries, lang)
	return buf.Bytes(), err
}
