package deck

import (
	"strings"
	"testing"
	"time"

	"github.com/pkpm-btn3/pkpm/internal/config"
	"github.com/pkpm-btn3/pkpm/internal/content"
)

// tokens are the pieces fuzz input is mapped to, so every generated post
// is Markdown a volunteer could write.
var tokens = []string{
	"masker ", "cuci ", "tangan ", "anak-anak ", "masing-masing ", "😷 ", "👨‍👩‍👧‍👦 ", "🇮🇩 ",
	"**tebal** ", "*miring* ", "`kode` ", "https://www.who.int/emergencies/diseases/novel-coronavirus-2019 ",
	"Pneumonoultramicroscopicsilicovolcanoconiosis ", "\n\n", "\n\n---\n\n", "\n\n## Judul ", "\n\n- ", "\n\n1. ",
	"\n\n> ", "\n\n| a | b |\n|---|---|\n| c | d |\n\n", "jarak ", "sabun ",
}

func FuzzComposeKeepsWords(f *testing.F) {
	f.Add([]byte{0, 1, 2, 13, 3, 4, 14, 5, 6, 7, 15, 8, 9, 16, 10, 11, 17, 12, 18, 19, 20, 21})
	f.Add([]byte(strings.Repeat("\x00\x01\x02\x14\x15", 200)))
	eng := engine(f)
	tm := template(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		var b strings.Builder
		b.WriteString("---\ntitle: Judul\n---\n\n")
		for _, c := range data {
			b.WriteString(tokens[int(c)%len(tokens)])
		}
		a, err := content.Parse("posts/f.md", []byte(b.String()), time.UTC)
		if err != nil {
			t.Skip() // content's own fuzz targets cover its errors
		}
		slides, _ := Compose(Input{Article: a, Template: tm, Project: config.Default(), Size: "portrait"}, eng)
		want := blockWords(a)
		got := slideWords(slides)
		if want != got {
			t.Fatalf("words changed between post and slides:\npost:   %q\nslides: %q", want, got)
		}
	})
}

// blockWords is the article's body text with whitespace removed.
func blockWords(a *content.Article) string {
	var parts []string
	for _, b := range a.Intro {
		parts = append(parts, b.PlainText())
	}
	for _, s := range a.Sections {
		for _, b := range s.Blocks {
			parts = append(parts, b.PlainText())
		}
	}
	return strings.Join(strings.Fields(strings.Join(parts, " ")), "")
}

// slideWords is the text laid out on the cover's lead and the content
// slides, in order, with whitespace removed: a word lost, repeated or
// moved shows up as a difference.
func slideWords(slides []Slide) string {
	var parts []string
	for _, s := range slides {
		switch s.Kind {
		case Cover:
			for _, l := range s.Layers {
				for _, ln := range l.Text.Lines {
					if ln.Block >= 1 && l.Text.Lines[0].Text == "Judul" {
						parts = append(parts, ln.Text) // the lead, after the title
					}
				}
			}
		case Content, ImageSlide:
			for _, l := range s.Layers[:len(s.Layers)-2] {
				for _, ln := range l.Text.Lines {
					parts = append(parts, ln.Text)
				}
			}
		}
	}
	return strings.Join(strings.Fields(strings.Join(parts, " ")), "")
}
