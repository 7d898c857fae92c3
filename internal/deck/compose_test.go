package deck

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pkpm-btn3/pkpm/internal/config"
	"github.com/pkpm-btn3/pkpm/internal/content"
	"github.com/pkpm-btn3/pkpm/internal/layout"
	"github.com/pkpm-btn3/pkpm/internal/theme"
)

func engine(t testing.TB) *layout.Engine {
	t.Helper()
	f, err := theme.Fonts()
	if err != nil {
		t.Fatal(err)
	}
	return layout.New(f.Clone())
}

func template(t testing.TB) *theme.Template {
	t.Helper()
	tm, err := theme.Load("", "edukasi")
	if err != nil {
		t.Fatal(err)
	}
	return tm
}

func compose(t testing.TB, eng *layout.Engine, src, size string) ([]Slide, []string) {
	t.Helper()
	return composeWith(t, eng, template(t), src, size)
}

func composeWith(t testing.TB, eng *layout.Engine, tm *theme.Template, src, size string) ([]Slide, []string) {
	t.Helper()
	a, err := content.Parse("posts/x.md", []byte(src), time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	slides, diags := Compose(Input{Article: a, Template: tm, Project: config.Default(), Size: size}, eng)
	var msgs []string
	for _, d := range diags {
		msgs = append(msgs, d.String())
	}
	return slides, msgs
}

// eachTemplate calls f for every post, parsed, in every built-in
// template.
func eachTemplate(t *testing.T, posts map[string]string, f func(tm *theme.Template, name, file string, a *content.Article)) {
	t.Helper()
	for _, name := range theme.Names("") {
		tm, err := theme.Load("", name)
		if err != nil {
			t.Fatal(err)
		}
		for file, src := range posts {
			a, err := content.Parse("posts/x.md", []byte(src), time.UTC)
			if err != nil {
				t.Fatal(err)
			}
			f(tm, name, file, a)
		}
	}
}

// examplePosts are the repository's own posts.
func examplePosts(t *testing.T) map[string]string {
	files, _ := filepath.Glob("../../posts/*.md")
	if len(files) == 0 {
		t.Fatal("no example posts found")
	}
	out := map[string]string{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.Base(f)] = string(b)
	}
	return out
}

// Body text must stay readable on a phone: nothing a slide says is set
// below the template's body minimum, in any built-in template. The
// header, footer and labels (the pillar tag, the swipe hint) are exempt.
func TestBodyTextNeverBelowMinimum(t *testing.T) {
	eng := engine(t)
	for _, name := range theme.Names("") {
		tm, err := theme.Load("", name)
		if err != nil {
			t.Fatal(err)
		}
		min := tm.Type["body"].Min
		for file, src := range examplePosts(t) {
			slides, _ := composeWith(t, eng, tm, src, "portrait")
			for i, s := range slides {
				for _, l := range s.Layers {
					if l.Kind != TextLayer || l.Role != Body {
						continue
					}
					for _, ln := range l.Text.Lines {
						if ln.Size < min-0.01 {
							t.Errorf("%s, %s slide %d (%s): %q set at %.1f px, below %v", name, file, i+1, s.Kind, ln.Text, ln.Size, min)
						}
					}
				}
			}
		}
	}
}

// The profile grid shows a centred 3:4 crop; the cover's title must be
// inside it on portrait and square canvases (landscape's crop is too
// narrow for a title, so it is exempt by design).
func TestCoverTitleInsideGridCrop(t *testing.T) {
	eng := engine(t)
	src := "---\ntitle: Cara Memakai Masker yang Benar di Rumah\nsubtitle: Lindungi diri dan keluarga\n---\n\nSingkat saja.\n"
	words := strings.ToLower("Cara Memakai Masker yang Benar di Rumah Lindungi diri dan keluarga")
	for _, name := range theme.Names("") {
		tm, _ := theme.Load("", name)
		for _, size := range []string{"portrait", "square"} {
			p := Sizes[size]
			slides, _ := composeWith(t, eng, tm, src, size)
			crop := float64(p.Y) * 3 / 4
			left, right := (float64(p.X)-crop)/2, (float64(p.X)+crop)/2
			found := false
			for _, l := range slides[0].Layers {
				for _, ln := range l.Text.Lines {
					isTitle := ln.Text != "" && strings.Contains(words, strings.ToLower(ln.Text))
					if !isTitle || l.Role != Body {
						continue // the footer may sit outside the crop
					}
					found = true
					if ln.X < left || ln.X+ln.W > right {
						t.Errorf("%s %s: %q spans %.0f–%.0f, outside the grid crop %.0f–%.0f", name, size, ln.Text, ln.X, ln.X+ln.W, left, right)
					}
				}
			}
			if !found {
				t.Errorf("%s %s: title not on the cover", name, size)
			}
		}
	}
}

// chromeText is the text of a slide's header and footer, in order.
func chromeText(s Slide) []string {
	var out []string
	for _, l := range s.Layers {
		if l.Kind == TextLayer && l.Role == Chrome {
			for _, ln := range l.Text.Lines {
				out = append(out, ln.Text)
			}
		}
	}
	return out
}

// Every slide shows the handle and its number out of the total, in every
// built-in template; the closing slide shows its handle large instead.
func TestEverySlideNumbered(t *testing.T) {
	eng := engine(t)
	for _, name := range theme.Names("") {
		tm, err := theme.Load("", name)
		if err != nil {
			t.Fatal(err)
		}
		slides, _ := composeWith(t, eng, tm, examplePosts(t)["cuci-tangan-6-langkah.md"], "portrait")
		for i, s := range slides {
			got := strings.Join(chromeText(s), " | ")
			if s.Kind == Closing {
				for _, l := range s.Lines() {
					got += " | " + l.Text
				}
			}
			if !strings.Contains(got, "@pkpm.btn3") || !strings.Contains(got, fmt.Sprintf("%d/%d", i+1, len(slides))) {
				t.Errorf("%s slide %d header and footer = %q", name, i+1, got)
			}
			if s.Alt == "" {
				t.Errorf("%s slide %d has no alt text", name, i+1)
			}
		}
		if slides[len(slides)-1].Kind != Sources || slides[len(slides)-2].Kind != Closing {
			t.Errorf("%s: a post with sources should end with closing then sources slides", name)
		}
	}
}

func TestAltTextOverrideAndExactText(t *testing.T) {
	eng := engine(t)
	src := "---\ntitle: Judul\n---\n\n## Satu\n\nTeks **tebal** dan biasa.\n\n---\n\n<!-- alt: Gambar tangan dicuci -->\n\n## Dua\n\nApa saja.\n"
	slides, _ := compose(t, eng, src, "portrait")
	if got := slides[1].Alt; got != "Satu. Teks tebal dan biasa." {
		t.Errorf("alt = %q", got)
	}
	if got := slides[2].Alt; got != "Gambar tangan dicuci" {
		t.Errorf("override alt = %q", got)
	}
}

func TestLongArticleContinuesAndWarnsPastTwenty(t *testing.T) {
	eng := engine(t)
	body := strings.Repeat("Warga RT 04 saling mengingatkan untuk memakai masker dan mencuci tangan dengan sabun. ", 330)
	slides, diags := compose(t, eng, "---\ntitle: Panjang\n---\n\n## Bagian\n\n"+body, "portrait")
	if len(slides) <= MaxCarousel {
		t.Fatalf("%d slides; a 4,000-word article should need more than %d", len(slides), MaxCarousel)
	}
	joined := strings.Join(diags, "\n")
	for _, want := range []string{"continues on slides 2–", "at most 20"} {
		if !strings.Contains(joined, want) {
			t.Errorf("diagnostics lack %q:\n%s", want, joined)
		}
	}
}

// Struck-through text is left out of alt text: the author crossed it out.
// A sentence that already ends in punctuation or an emoji gets no period
// after it.
func TestAltTextStrikeAndSentenceEnds(t *testing.T) {
	eng := engine(t)
	src := "---\ntitle: Judul\nsubtitle: Ayo!\n---\n\nMasker ~~tidak bisa menggantikan~~ tidak menggantikan jarak 😷\n\n" +
		"## Ingat! ⚠️\n\nCuci tangan ~~lima~~ dua puluh detik.\n\n- Sabun 🧼\n- ~~Air saja~~\n- Handuk bersih\n"
	slides, _ := compose(t, eng, src, "portrait")
	all := ""
	for _, s := range slides {
		all += s.Alt + "\n"
	}
	for _, bad := range []string{"tidak bisa menggantikan", "lima", "Air saja", "!.", "⚠️.", "🧼.", "😷."} {
		if strings.Contains(all, bad) {
			t.Errorf("alt text holds %q:\n%s", bad, all)
		}
	}
	for _, want := range []string{"tidak menggantikan jarak 😷", "Ingat! ⚠️ Cuci tangan dua puluh detik.", "Sabun 🧼 Handuk bersih"} {
		if !strings.Contains(all, want) {
			t.Errorf("alt text lacks %q:\n%s", want, all)
		}
	}
}

func TestEndsSentence(t *testing.T) {
	for s, want := range map[string]bool{
		"Ingat!": true, "Ingat! ⚠️": true, "Cuci tangan": false, "Siap?": true, "Jaga jarak 😷": true,
		"Bendera 🇮🇩": true, "Jempol 👍🏽": true, "Keluarga 👨‍👩‍👧": true, `Kata "aman."`: true, "(lihat gambar)": false,
		"Nomor 1️⃣": true, "Oke…": true, "": false, "2020": false,
	} {
		if got := endsSentence(s); got != want {
			t.Errorf("endsSentence(%q) = %v, want %v", s, got, want)
		}
	}
}
