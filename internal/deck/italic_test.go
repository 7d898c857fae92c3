package deck

import (
	"testing"

	"github.com/pkpm-btn3/pkpm/internal/config"
	"github.com/pkpm-btn3/pkpm/internal/content"
	"github.com/pkpm-btn3/pkpm/internal/layout"
	"github.com/pkpm-btn3/pkpm/internal/theme"
)

// usesItalic reports whether a composed slide sets a run in italics.
func usesItalic(slides []Slide) bool {
	for _, s := range slides {
		for _, l := range s.Layers {
			for _, line := range l.Text.Lines {
				for _, r := range line.Runs {
					if r.Style&layout.Italic != 0 {
						return true
					}
				}
			}
		}
	}
	return false
}

// MayUseItalic never says no for a post whose slides set italics, in any
// built-in template, and says no for a plain post in a template that
// sets only quotes in italics.
func TestMayUseItalic(t *testing.T) {
	posts := examplePosts(t)
	head := "---\ntitle: Uji huruf miring\n---\n\n"
	posts["plain"] = head + "Pembuka singkat.\n\n## Satu\n\nTeks **tebal** biasa.\n\n- butir\n- butir\n"
	posts["emphasis"] = head + "## Satu\n\nTeks *miring* di sini.\n"
	posts["nested"] = head + "## Satu\n\n- butir\n  - anak _miring_\n"
	posts["quote"] = head + "## Kata mereka\n\n> Kutipan panjang dari warga.\n"
	posts["quote-layout"] = head + "## Kata mereka\n<!-- layout: quote -->\n\nKalimat yang jadi kutipan.\n"
	posts["table"] = head + "## Tabel\n\n| a | b |\n|---|---|\n| *x* | y |\n"
	posts["image-alt"] = head + "## Foto\n\nTeks pengantar.\n\n![Warga antre di pos](foto.jpg)\n\n![Dua](dua.jpg)\n\nTeks penutup.\n"
	posts["image-in-list"] = head + "## Foto\n\n- butir\n\n  ![Warga antre di pos](foto.jpg)\n"
	eng := engine(t)
	eachTemplate(t, posts, func(tm *theme.Template, name, file string, a *content.Article) {
		slides, _ := Compose(Input{Article: a, Template: tm, Project: config.Default(), Size: "portrait"}, eng)
		may := MayUseItalic(a, tm)
		if usesItalic(slides) && !may {
			t.Errorf("%s in %s: italics on its slides, MayUseItalic false", file, name)
		}
		if file == "plain" && may && tm.Type["body"].Font != "italic" {
			t.Errorf("plain post in %s: MayUseItalic true", name)
		}
	})
}
