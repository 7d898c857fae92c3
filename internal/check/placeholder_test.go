package check

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pkpm-btn3/pkpm/internal/content"
)

// Each marked span is one finding at its own line, in the front matter
// and the body alike; code is shown as written and is left alone.
func TestPlaceholderLines(t *testing.T) {
	src := "---\ntitle: Cara Memakai Masker\nsubtitle: \"[[Satu kalimat]]\"\nsources:\n  - \"WHO (2020)\"\n  - \"[[Kemenkes RI: judul (tahun)]]\"\n---\n\n" +
		"Masker melindungi kita.\n\n## Caranya\n\n1. Cuci tangan\n2. [[Langkah kedua]]\n\n> [[Kutipan]]\n\n```\na[[i]]\n```\n"
	var got []string
	for _, f := range placeholders(post(t, src, nil), Settings{}) {
		got = append(got, f.String())
	}
	want := []string{
		`posts/p.md:3: error placeholder: "[[Satu kalimat]]" is starter text from the archetype; write your own or delete it`,
		`posts/p.md:6: error placeholder: "[[Kemenkes RI: judul (tahun)]]" is starter text from the archetype; write your own or delete it`,
		`posts/p.md:14: error placeholder: "[[Langkah kedua]]" is starter text from the archetype; write your own or delete it`,
		`posts/p.md:16: error placeholder: "[[Kutipan]]" is starter text from the archetype; write your own or delete it`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// The example posts of this repository are finished: none trips the rule.
func TestExamplePostsHaveNoPlaceholders(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "posts", "*.md"))
	if len(files) == 0 {
		t.Fatal("no example posts found")
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		a, err := content.Parse(f, src, time.UTC)
		if err != nil {
			t.Fatal(err)
		}
		if fs := placeholders(Post{File: f, Article: a}, Settings{}); len(fs) > 0 {
			t.Errorf("%s", fs[0])
		}
	}
}

// The README's table of rules lists every rule.
func TestReadmeListsEveryRule(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range All {
		if r.ID == Build.ID || r.ID == BuildWarning.ID {
			continue // a build's own problems, not a rule of their own
		}
		if !strings.Contains(string(readme), "`"+r.ID+"`") {
			t.Errorf("README.md does not list the rule %s", r.ID)
		}
	}
}
