package build

import (
	"bytes"
	"context"
	"image"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pkpm-btn3/pkpm/internal/deck"
	"github.com/pkpm-btn3/pkpm/internal/render"
)

// composeOnly lays the post of incProject out as a contact sheet does,
// taking its slides from out's folder when they are up to date there; ""
// composes it afresh.
func composeOnly(t *testing.T, root, out string) []deck.Slide {
	t.Helper()
	opts := incOptions(root, out)
	opts.ComposeOnly, opts.DryRun, opts.Inspect = true, true, true
	results, err := Run(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if r := results[0]; r.Err != nil || len(r.Deck) == 0 {
		t.Fatalf("composing: %v, %d slides", r.Err, len(r.Deck))
	}
	return results[0].Deck
}

// words is every line of a deck's text.
func words(slides []deck.Slide) string {
	var b strings.Builder
	for _, s := range slides {
		for _, l := range s.Layers {
			for _, line := range l.Text.Lines {
				b.WriteString(line.Text + "\n")
			}
		}
	}
	return b.String()
}

// A contact sheet takes a post's slides from its build's folder when
// slides.json there is the post's as it stands, and they draw what the
// post laid out afresh draws. A changed post is laid out again, and so
// is one whose stored slides are missing or broken.
func TestComposeOnlyTakesTheBuiltDeck(t *testing.T) {
	root := incProject(t)
	post := filepath.Join(root, "posts/cuci/index.md")
	out := filepath.Join(root, "dist")
	runBuild(t, incOptions(root, out))
	stored := filepath.Join(out, "slides", "cuci", DeckFile)
	if _, err := os.Stat(stored); err != nil {
		t.Fatalf("the build stored no slides: %v", err)
	}

	// The same pixels as the post laid out afresh.
	loaded, fresh := composeOnly(t, root, out), composeOnly(t, root, "")
	if len(loaded) != len(fresh) {
		t.Fatalf("%d slides from the folder, %d laid out", len(loaded), len(fresh))
	}
	r := render.New()
	for i := range fresh {
		a, b := r.Draw(loaded[i]), r.Draw(fresh[i])
		if !bytes.Equal(a.Pix, b.Pix) || a.Rect != b.Rect {
			t.Fatalf("slide %d from the folder draws other pixels than laid out afresh", i+1)
		}
	}

	// Slides stored for another text, under this text's inputs, are
	// taken: the file is what the sheet draws.
	other := t.TempDir()
	edit(t, post, "Cuci", "Basuh")
	runBuild(t, incOptions(root, other))
	edit(t, post, "Basuh", "Cuci")
	theirs, err := os.ReadFile(filepath.Join(other, "slides", "cuci", DeckFile))
	if err != nil {
		t.Fatal(err)
	}
	ours, err := os.ReadFile(stored)
	if err != nil {
		t.Fatal(err)
	}
	inputs, _, _, err := openDeckFile(ours)
	if err != nil {
		t.Fatal(err)
	}
	_, warnings, slides, err := openDeckFile(theirs)
	if err != nil {
		t.Fatal(err)
	}
	planted := deckFile(inputs, warnings, slides)
	writeFile(t, stored, planted)
	if got := words(composeOnly(t, root, out)); !strings.Contains(got, "Basuh") {
		t.Fatalf("the stored slides were not taken:\n%s", got)
	}

	// A changed post is laid out again, whatever the folder holds.
	edit(t, post, "Cuci", "Bilas")
	if got := words(composeOnly(t, root, out)); !strings.Contains(got, "Bilas") || strings.Contains(got, "Basuh") {
		t.Fatalf("a changed post took stale slides:\n%s", got)
	}
	edit(t, post, "Bilas", "Cuci")

	// Broken or missing stored slides: laid out again, no error.
	for _, data := range [][]byte{planted[:len(planted)/2], []byte("not a deck"), nil} {
		if data == nil {
			os.Remove(stored)
		} else {
			writeFile(t, stored, data)
		}
		if got := words(composeOnly(t, root, out)); got != words(fresh) {
			t.Fatalf("with %d bytes of stored slides:\n%s\nwant\n%s", len(data), got, words(fresh))
		}
	}
}

// Only images read from a file have a name a stored deck can keep:
// slides with any other image are not stored.
func TestStoredDecksNameImagesByFile(t *testing.T) {
	imgs := newImageHashes()
	read, made := image.NewRGBA(image.Rect(0, 0, 2, 2)), image.NewRGBA(image.Rect(0, 0, 3, 3))
	imgs.register(read, "abc")
	imgs.of(made) // hashed by its pixels, as an image no file holds
	if name, ok := imgs.name(read); !ok || imgs.byName(name) != read {
		t.Errorf("an image read from a file: name %q, %v", name, ok)
	}
	if name, ok := imgs.name(made); ok {
		t.Errorf("an image read from no file named %q", name)
	}
	slides := []deck.Slide{{Layers: []deck.Layer{{Kind: deck.ImageLayer, Image: made}}}}
	if data, err := deck.Store(slides, deck.Refs{ImageID: imgs.name}); err == nil {
		t.Errorf("slides with an unnamed image stored in %d bytes", len(data))
	}
}

// The deck file keeps its inputs and warnings, and a cut one is an
// error, never a panic.
func TestDeckFileRoundTrip(t *testing.T) {
	warnings := []Warning{{Line: 12, Message: "a word was divided"}, {File: "templates/anak.yaml", Line: -1, Message: "ü"}}
	data := deckFile("abc123", warnings, []byte("slides"))
	inputs, got, slides, err := openDeckFile(data)
	if err != nil || inputs != "abc123" || string(slides) != "slides" || len(got) != 2 || got[0] != warnings[0] || got[1] != warnings[1] {
		t.Fatalf("got %q %v %q %v", inputs, got, slides, err)
	}
	header := len(data) - len("slides")
	for n := range header {
		if _, _, _, err := openDeckFile(data[:n]); err == nil {
			t.Errorf("the first %d bytes of the header opened", n)
		}
	}
}
