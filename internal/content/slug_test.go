package content

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestSlugDerivation(t *testing.T) {
	tests := []struct {
		file, fm, want string
	}{
		{"posts/cara-memakai-masker.md", "", "cara-memakai-masker"},
		{"posts/cara-memakai-masker.markdown", "", "cara-memakai-masker"},
		{"posts/cara-memakai-masker/index.md", "", "cara-memakai-masker"},
		{"posts/cuci-tangan/index.markdown", "", "cuci-tangan"},
		{"posts/cuci-tangan/INDEX.MD", "", "cuci-tangan"},
		{`posts\cuci-tangan\index.md`, "", slugForBackslashPath()},
		{"posts/Cara Memakai Masker!.md", "", "cara-memakai-masker"},
		{"posts/2020_08_03 Jaga Jarak.md", "", "2020-08-03-jaga-jarak"},
		{"posts/-draft-.md", "", "draft"},
		{"posts/index/index.md", "", "index"},
		{"posts/notes.txt", "", "notes"},
		{"masker.md", "", "masker"},
		{"posts/anything.md", "slug: pilihan-saya\n", "pilihan-saya"},
		{"posts/Ünïcode-Ärtikel.md", "", "unicode-artikel"},
	}
	for _, tt := range tests {
		a := mustParse(t, tt.file, []byte("---\ntitle: T\n"+tt.fm+"---\n"))
		if a.Slug != tt.want {
			t.Errorf("%s: slug = %q, want %q", tt.file, a.Slug, tt.want)
		}
		if a.File != tt.file {
			t.Errorf("%s: File = %q", tt.file, a.File)
		}
	}
}

// slugForBackslashPath is what filepath makes of a Windows-style path on
// the machine running the test: a folder on Windows, one name elsewhere.
func slugForBackslashPath() string {
	if filepath.Separator == '\\' {
		return "cuci-tangan"
	}
	return "posts-cuci-tangan-index"
}

func TestSlugUnderivable(t *testing.T) {
	for _, file := range []string{"posts/!!!.md", "index.md", "posts/😷.md", ""} {
		d := parseError(t, file, []byte("---\ntitle: T\n---\n"))
		checkError(t, d, 1, "cannot make a slug", `"slug: cara-memakai-masker"`)
	}
}

func TestSlugify(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Cara Memakai Masker", "cara-memakai-masker"},
		{"  --a--b--  ", "a-b"},
		{"anak-anak", "anak-anak"},
		{"COVID-19: apa itu?", "covid-19-apa-itu"},
		{"", ""},
		{"###", ""},
		{"Cara Cuci Tangan yang Benar!", "cara-cuci-tangan-yang-benar"},
		{"  Protokol 3M (lengkapi jadi 5M)  ", "protokol-3m-lengkapi-jadi-5m"},
		{"Jum'at Bersih di RT 04", "jumat-bersih-di-rt-04"},
		{"Café Ñoña: Über Größe", "cafe-nona-uber-grosse"},
		{"😷 Pakai Masker 😷", "pakai-masker"},
		{"anak-anak & orang tua", "anak-anak-orang-tua"},
		{"🇮🇩", ""},
		{strings.Repeat("panjang sekali ", 12), "panjang-sekali-panjang-sekali-panjang-sekali-panjang-sekali-panjang-sekali"},
	}
	for _, tt := range tests {
		if got := Slugify(tt.in); got != tt.want {
			t.Errorf("Slugify(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
