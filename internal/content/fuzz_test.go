package content

import (
	"errors"
	"reflect"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/pkpm-btn3/pkpm/internal/diag"
)

// lineCount is how many lines src has, counting "\r\n", "\r" and "\n"
// each as one line ending.
func lineCount(src []byte) int {
	s := strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(string(src))
	return strings.Count(s, "\n") + 1
}

func FuzzParse(f *testing.F) {
	for _, seed := range []string{
		"",
		"---\ntitle: T\n---\n",
		"\uFEFF---\r\ntitle: T\r\ndate: 2020-02-30\r\n---\r\n",
		"---\ntitle: T\nhashtags: [a, '#b']\nsources:\n  - WHO: x\n---\n",
		"---\ntitle: [a\n---\n",
		"---\ntitle: T\n---\nIntro\n---\n## H\n- a\n  - b\n\n> q\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
		"---\ntitle: T\n---\n![alt](a.jpg)\n\nx ![b](b.png) <b>y</b>\n<!-- alt: z -->\n\n```\ncode\n```\n",
		"---\ntitle: T\n---\n* a\n  ---\n> b\n> ---\n&amp; \\&amp; &#0; \x00\n",
		"---\ntitle: T\nslug: Bad Slug\n---\n",
		"---\ntitle: &a [*a]\n---\n",
		"a\xffb",
		"---\ntitle: T\nsubtitel: x\ntemplat: y\nhashtags: #a #b\n---\n",
		"---\ntitle: T\nstatus: draft\n\nTeks tanpa penutup.\n\n---\n\n## H\n",
		"---\nx: &m {title: T}\n<<: *m\n---\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		checkParse(t, src)
		// Again as a body behind valid front matter, so that most inputs
		// reach the Markdown walk instead of stopping at a missing "---".
		checkParse(t, post(string(src)))
	})
}

// checkParse asserts what must hold for any input: no panic, errors are
// diagnostics on a line of the file, and every line given is in the file.
func checkParse(t *testing.T, src []byte) {
	n := lineCount(src)
	a, err := Parse("posts/fuzz.md", src, wib)
	if err != nil {
		var d diag.Diagnostic
		if !errors.As(err, &d) {
			t.Fatalf("error %T is not a diag.Diagnostic: %v", err, err)
		}
		for _, d := range diag.All(err, "") {
			if d.Severity != diag.Error || d.File != "posts/fuzz.md" || d.Message == "" {
				t.Fatalf("bad diagnostic %#v", d)
			}
			if d.Line < 0 || d.Line > n {
				t.Fatalf("error line %d outside 0..%d: %v", d.Line, n, d)
			}
		}
		return
	}
	for _, w := range a.Warnings {
		if w.Severity != diag.Warning || w.Line < 0 || w.Line > n {
			t.Fatalf("bad warning (file has %d lines): %#v", n, w)
		}
	}
	check := func(b Block) {
		if b.Line < 1 || b.Line > n {
			t.Fatalf("block line %d outside 1..%d: %+v", b.Line, n, b)
		}
	}
	walkBlocks(a.Intro, check)
	for _, s := range a.Sections {
		if s.Line < 1 || s.Line > n {
			t.Fatalf("section line %d outside 1..%d", s.Line, n)
		}
		walkBlocks(s.Blocks, check)
	}
}

func walkBlocks(blocks []Block, fn func(Block)) {
	for _, b := range blocks {
		fn(b)
		for _, it := range b.Items {
			walkBlocks(it.Blocks, fn)
		}
		walkBlocks(b.Children, fn)
	}
}

// wordsBody turns fuzz bytes into a body made only of words, spaces, line
// breaks, slide breaks ("---" after a blank line) and "##" headings, so
// that no byte can become Markdown syntax that drops or joins words.
func wordsBody(data []byte) string {
	vocab := []string{"a", "kata", "Masker", "b2", "19", "anak", "x", "CuciTangan"}
	seps := []string{" ", " ", "  ", "\n", "\n\n", "    ", "\n\n---\n", "\n## "}
	var b strings.Builder
	for i := 0; i < len(data); i++ {
		c := int(data[i])
		if c%2 == 0 {
			b.WriteString(vocab[(c/2)%len(vocab)])
			continue
		}
		sep := seps[(c/2)%len(seps)]
		b.WriteString(sep)
		if sep == "\n## " {
			// A heading always has a word, then ends its line.
			w := "judul"
			if i+1 < len(data) {
				i++
				w = vocab[int(data[i])%len(vocab)]
			}
			b.WriteString(w + "\n")
		}
	}
	return b.String()
}

func words(s string) []string {
	w := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	sort.Strings(w)
	return w
}

func FuzzSectionsKeepWords(f *testing.F) {
	for _, seed := range []string{
		"", "\x00\x01\x02", "\x00\x0d\x02\x0f\x04", "\x0b\x00\x01\x06\x0d\x04\x07\x02",
		"\x0f\x02\x00\x0f\x04\x0b\x0d\x00\x09\x00\x07\x08",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		body := wordsBody(data)
		a, err := Parse("posts/fuzz.md", post(body), wib)
		if err != nil {
			t.Fatalf("body %q: %v", body, err)
		}
		var got []string
		for _, b := range a.Intro {
			got = append(got, b.PlainText())
		}
		for _, s := range a.Sections {
			for _, b := range s.Blocks {
				got = append(got, b.PlainText())
			}
		}
		want, have := words(body), words(strings.Join(got, " "))
		if !reflect.DeepEqual(want, have) {
			t.Fatalf("body %q:\nwords in  %q\nwords out %q\n%s", body, want, have, dump(a))
		}
	})
}
