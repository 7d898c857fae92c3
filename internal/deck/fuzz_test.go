package deck

import (
	"strings"
	"testing"
	"time"

	"github.com/pkpm-btn3/pkpm/internal/config"
	"github.com/pkpm-btn3/pkpm/internal/content"
	"github.com/pkpm-btn3/pkpm/internal/theme"
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
	var tms []*theme.Template
	for _, name := range theme.Names("") {
		tm, err := theme.Load("", name)
		if err != nil {
			f.Fatal(err)
		}
		tms = append(tms, tm)
	}
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
		tm := tms[len(data)%len(tms)] // every built-in template gets its share
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
	return strings.ToLower(strings.Join(strings.Fields(strings.Join(parts, " ")), ""))
}

// slideWords is the text laid out on the cover's lead and the body of
// every slide made from the article, in order, with whitespace removed and
// lower-cased (a template may set headings in capitals): a word lost,
// repeated or moved shows up as a difference.
func slideWords(slides []Slide) string {
	var parts []string
	for _, s := range slides {
		if s.Kind == Closing || s.Kind == Sources {
			continue
		}
		for _, l := range s.Layers {
			if l.Kind != TextLayer || l.Role != Body {
				continue
			}
			for _, ln := range l.Text.Lines {
				if s.Kind == Cover && ln.Block == 0 {
					continue // the title; the lead follows it
				}
				if ln.Block < 0 {
					continue // a heading repeated on a continuation slide
				}
				text := ln.Text
				if ln.Hyphen {
					text = strings.TrimSuffix(text, "-") // added where a word was divided
				}
				parts = append(parts, text)
			}
		}
	}
	return strings.ToLower(strings.Join(strings.Fields(strings.Join(parts, " ")), ""))
}
