package deck

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/pkpm-btn3/pkpm/internal/config"
	"github.com/pkpm-btn3/pkpm/internal/content"
	"github.com/pkpm-btn3/pkpm/internal/layout"
	"github.com/pkpm-btn3/pkpm/internal/theme"
)

// A post composed with engines lent by helpers, its sections laid out
// at the same time, is the post composed on one engine: the same slides
// and the same warnings, in the same order.
func TestHelpersComposeTheSame(t *testing.T) {
	pointers := regexp.MustCompile(`0x[0-9a-f]+`)
	dump := func(slides []Slide) string { return pointers.ReplaceAllString(fmt.Sprintf("%+v", slides), "") }
	pool := layout.NewPool(3, theme.Fonts)
	posts := examplePosts(t)
	// Short sections are set larger, at one size for the post.
	posts["short.md"] = "---\ntitle: Tiga Pesan Singkat\n---\n\n## Pakai masker\n\nTutup hidung dan mulut.\n\n---\n\n" +
		"## Cuci tangan\n\nPakai sabun dua puluh detik, lalu bilas di air mengalir.\n\n---\n\n" +
		"## Jaga jarak\n\n" + strings.Repeat("Jaga jarak satu meter dari orang lain saat antre di pasar. ", 12) + "\n"
	for name, src := range posts {
		a, err := content.Parse("posts/"+name, []byte(src), time.UTC)
		if err != nil {
			t.Fatal(err)
		}
		for _, tmpl := range []string{"edukasi", "kegiatan", "pengumuman", "umkm"} {
			tm, err := theme.Load("", tmpl)
			if err != nil {
				t.Fatal(err)
			}
			for _, size := range []string{"portrait", "square", "landscape"} {
				in := Input{Article: a, Template: tm, Project: config.Default(), Size: size}
				alone, diagsAlone := Compose(in, engine(t))
				in.Helpers = pool
				helped, diagsHelped := Compose(in, engine(t))
				if dump(alone) != dump(helped) || fmt.Sprint(diagsAlone) != fmt.Sprint(diagsHelped) {
					t.Errorf("%s, %s, %s: composing with helpers gives other slides or warnings", name, tmpl, size)
				}
			}
		}
	}
}
