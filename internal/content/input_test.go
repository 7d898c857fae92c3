package content

import (
	"strings"
	"testing"
)

func TestInputErrors(t *testing.T) {
	tests := []struct {
		name  string
		src   string
		line  int
		parts []string
	}{
		{"empty", "", 0, []string{"empty", `"---"`, `"title: `}},
		{"white space only", " \n\t\n\r\n", 0, []string{"empty"}},
		{"invalid utf-8", "---\ntitle: a\n---\n\nok\n\nbad \xff here\n", 7, []string{"invalid UTF-8 (byte 0xff)", "save the file as UTF-8"}},
		{"invalid utf-8 after CRLF", "---\r\ntitle: a\r\n---\r\n\xc3\x28\r\n", 4, []string{"byte 0xc3"}},
		{"invalid utf-8 after lone CR", "a\rb\r\xfe", 3, []string{"byte 0xfe"}},
		{"missing front matter", "title: a\n\nText\n", 1, []string{"missing front matter", `"---"`, `"title: ..."`}},
		{"missing front matter after blank lines", "\n\n# Judul\n", 3, []string{"missing front matter"}},
		{"missing closing", "---\ntitle: a\n\nText\n", 1, []string{`no closing "---"`}},
		{"missing closing after blank line", "\n---\ntitle: a\n", 2, []string{`no closing "---"`}},
		{"front matter only opening", "---", 1, []string{"closing"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := parseError(t, "posts/x.md", []byte(tt.src))
			checkError(t, d, tt.line, tt.parts...)
		})
	}
}

func TestInvalidUTF8MessageFormat(t *testing.T) {
	d := parseError(t, "posts/x.md", []byte("---\ntitle: a\n---\n\n\n\n\xff\n"))
	want := "posts/x.md:7: invalid UTF-8 (byte 0xff); save the file as UTF-8"
	if d.String() != want {
		t.Errorf("got %q, want %q", d.String(), want)
	}
}

// A BOM and Windows line endings change nothing, line numbers included.
func TestBOMAndCRLFKeepLines(t *testing.T) {
	unix := "---\ntitle: Judul\ndate: 2020-08-03 19:00\n---\n\nPembuka\n\n## Satu\nTeks satu\nbaris dua\n\n## Dua\nTeks\n"
	for name, src := range map[string]string{
		"lf":         unix,
		"bom+crlf":   "\uFEFF" + strings.ReplaceAll(unix, "\n", "\r\n"),
		"cr only":    strings.ReplaceAll(unix, "\n", "\r"),
		"bom+mixed":  "\uFEFF" + strings.Replace(unix, "\n", "\r\n", 5),
		"crlf no nl": strings.TrimSuffix(strings.ReplaceAll(unix, "\n", "\r\n"), "\r\n"),
	} {
		t.Run(name, func(t *testing.T) {
			a := mustParse(t, "posts/x.md", []byte(src))
			got := dump(a)
			want := "intro\n  P@6 \"Pembuka\"\nsection@8\n  H2@8 \"Satu\"\n  P@9 \"Teks satu baris dua\"\nsection@12\n  H2@12 \"Dua\"\n  P@13 \"Teks\"\n"
			if got != want {
				t.Errorf("got\n%s\nwant\n%s", got, want)
			}
			if a.Meta.Title != "Judul" || a.Meta.DateLine != 3 {
				t.Errorf("meta = %+v, want title %q and date line 3", a.Meta, "Judul")
			}
		})
	}
}

func TestBOMAndCRLFErrorLine(t *testing.T) {
	src := "\uFEFF---\r\ntitle: Judul\r\n\r\ntitel: x\r\n---\r\n"
	d := parseError(t, "posts/x.md", []byte(src))
	checkError(t, d, 4, `unknown key "titel"`, `did you mean "title"?`)
}
