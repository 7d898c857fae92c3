package content

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

func TestSetKeys(t *testing.T) {
	for _, tc := range []struct {
		name    string
		src     string
		kv      []string
		want    string
		wantErr string
	}{
		{
			name: "replace keeps the comment column",
			src:  "---\ntitle: T\ndate: 2020-08-03 19:00                      # planned\nstatus: draft\n---\nBody\n",
			kv:   []string{"date", "2020-08-05 19:00"},
			want: "---\ntitle: T\ndate: 2020-08-05 19:00                      # planned\nstatus: draft\n---\nBody\n",
		},
		{
			name: "a longer value pulls the comment padding in",
			src:  "---\ntitle: T\nstatus: draft        # draft | ready | published\n---\n",
			kv:   []string{"status", "published"},
			want: "---\ntitle: T\nstatus: published    # draft | ready | published\n---\n",
		},
		{
			name: "a comment right after a long value keeps one space",
			src:  "---\ntitle: T\nstatus: draft # x\n---\n",
			kv:   []string{"status", "published"},
			want: "---\ntitle: T\nstatus: published # x\n---\n",
		},
		{
			name: "a missing date goes after the subtitle",
			src:  "---\ntitle: T\nsubtitle: S\nstatus: ready\npillar: edukasi\n---\n\nBody.\n",
			kv:   []string{"date", "2020-08-05 19:00"},
			want: "---\ntitle: T\nsubtitle: S\ndate: 2020-08-05 19:00\nstatus: ready\npillar: edukasi\n---\n\nBody.\n",
		},
		{
			name: "a missing key goes after the list before it, not after the comment below it",
			src:  "---\ntitle: T\ndate: 2020-08-05 19:00\nstatus: ready\nsources:\n  - a\n  - b\n\n# the slug is fixed\nslug: s\n---\n",
			kv:   []string{"cover", "a.jpg"},
			want: "---\ntitle: T\ndate: 2020-08-05 19:00\nstatus: ready\nsources:\n  - a\n  - b\n\n# the slug is fixed\nslug: s\ncover: a.jpg\n---\n",
		},
		{
			name: "status, published and url land in order",
			src:  "---\ntitle: T\ndate: 2020-08-07 19:00\nstatus: ready\ntemplate: edukasi\n---\n",
			kv:   []string{"status", "published", "published", "2020-08-07 19:12", "url", "https://www.instagram.com/p/CDx1/"},
			want: "---\ntitle: T\ndate: 2020-08-07 19:00\nstatus: published\npublished: 2020-08-07 19:12\nurl: https://www.instagram.com/p/CDx1/\ntemplate: edukasi\n---\n",
		},
		{
			name: "CRLF and a BOM stay; the new line ends in CRLF",
			src:  "\ufeff---\r\ntitle: T\r\nstatus: draft\r\n---\r\nBody\r\n",
			kv:   []string{"date", "2020-08-05 19:00", "status", "ready"},
			want: "\ufeff---\r\ntitle: T\r\ndate: 2020-08-05 19:00\r\nstatus: ready\r\n---\r\nBody\r\n",
		},
		{
			name: "empty front matter",
			src:  "---\n---\nBody\n",
			kv:   []string{"title", "T"},
			want: "---\ntitle: T\n---\nBody\n",
		},
		{
			name: "blank lines before the front matter",
			src:  "\n\n---\ntitle: T\n---\n",
			kv:   []string{"status", "ready"},
			want: "\n\n---\ntitle: T\nstatus: ready\n---\n",
		},
		{
			name: "a block value becomes one line; the comment after it stays",
			src:  "---\ntitle: T\ncaption: |\n  one\n\n  two\n# next\nslug: s\n---\n",
			kv:   []string{"caption", "short"},
			want: "---\ntitle: T\ncaption: short\n# next\nslug: s\n---\n",
		},
		{
			name: "a value on the next line",
			src:  "---\ntitle: T\ndate:\n  2020-08-03 19:00\nstatus: draft\n---\n",
			kv:   []string{"date", "2020-08-05 19:00"},
			want: "---\ntitle: T\ndate: 2020-08-05 19:00\nstatus: draft\n---\n",
		},
		{
			name: "an empty value with a comment",
			src:  "---\ntitle: T\ndate: # later\n---\n",
			kv:   []string{"date", "2020-08-05 19:00"},
			want: "---\ntitle: T\ndate: 2020-08-05 19:00 # later\n---\n",
		},
		{
			name: "an empty value",
			src:  "---\ntitle: T\ndate:\n---\n",
			kv:   []string{"date", "2020-08-05 19:00"},
			want: "---\ntitle: T\ndate: 2020-08-05 19:00\n---\n",
		},
		{
			name: "a quoted value with a hash in it",
			src:  "---\ntitle: \"A # B\"   # the title\n---\n",
			kv:   []string{"title", "C"},
			want: "---\ntitle: C         # the title\n---\n",
		},
		{
			name: "values YAML would misread are quoted",
			src:  "---\ntitle: T\n---\n",
			kv:   []string{"subtitle", "COVID-19: apa itu?", "caption", "null", "cover", "#x"},
			want: "---\ntitle: T\nsubtitle: \"COVID-19: apa itu?\"\ncaption: \"null\"\ncover: \"#x\"\n---\n",
		},
		{
			name: "the body is never touched",
			src:  "---\ntitle: T\n---\ndate: 2020-01-01\n\n---\n\nstatus: draft\n",
			kv:   []string{"date", "2020-08-05 19:00", "status", "ready"},
			want: "---\ntitle: T\ndate: 2020-08-05 19:00\nstatus: ready\n---\ndate: 2020-01-01\n\n---\n\nstatus: draft\n",
		},
		{
			name: "an indented front matter keeps its indent",
			src:  "---\n  title: T\n  status: draft\n---\n",
			kv:   []string{"date", "2020-08-05 19:00", "status", "ready"},
			want: "---\n  title: T\n  date: 2020-08-05 19:00\n  status: ready\n---\n",
		},
		{
			name: "an unchanged value leaves the file as it was",
			src:  "---\ntitle: T\nstatus: ready   # ok\n---\n",
			kv:   []string{"status", "ready"},
			want: "---\ntitle: T\nstatus: ready   # ok\n---\n",
		},
		{
			name: "an indented comment under a one-line value stays",
			src:  "---\ntitle: T\ndate: 2020-08-03 19:00\n  # moved from the 1st\nstatus: \"draft\"\n    # ask the RT first\n---\n",
			kv:   []string{"date", "2020-08-05 19:00", "status", "ready"},
			want: "---\ntitle: T\ndate: 2020-08-05 19:00\n  # moved from the 1st\nstatus: ready\n    # ask the RT first\n---\n",
		},
		{
			name: "a new key goes below the comment indented under the key before it",
			src:  "---\ntitle: T\n  # working title\nstatus: draft\n---\n",
			kv:   []string{"subtitle", "S"},
			want: "---\ntitle: T\n  # working title\nsubtitle: S\nstatus: draft\n---\n",
		},
		{
			name: "a quoted value over two lines is replaced whole",
			src:  "---\ntitle: \"A\n  # B\"\nstatus: draft\n---\n",
			kv:   []string{"title", "C"},
			want: "---\ntitle: C\nstatus: draft\n---\n",
		},
		{name: "no front matter", src: "Body\n", kv: []string{"status", "ready"}, wantErr: "missing front matter"},
		{name: "not YAML", src: "---\ntitle: [a\n---\n", kv: []string{"status", "ready"}, wantErr: "not valid YAML"},
		{name: "a list", src: "---\n- a\n---\n", kv: []string{"status", "ready"}, wantErr: "key: value"},
		{name: "odd pairs", src: "---\ntitle: T\n---\n", kv: []string{"status"}, wantErr: "pairs"},
		{
			name:    "an alias to the value would break",
			src:     "---\ntitle: T\nstatus: &s draft\nsubtitle: *s\n---\n",
			kv:      []string{"status", "ready"},
			wantErr: "edit the file by hand",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := SetKeys([]byte(tc.src), tc.kv...)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("err = %v, want one containing %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tc.want {
				t.Fatalf("got\n%q\nwant\n%q", got, tc.want)
			}
		})
	}
}

// TestSetKeysParses checks that an edited example post still parses and
// says what was set.
func TestSetKeysParses(t *testing.T) {
	src := []byte("---\ntitle: Cara Memakai Masker\nsubtitle: Lindungi diri   # on the cover\nstatus: draft\nhashtags: [a, b]\n---\n\nIntro.\n\n---\n\n## Langkah\nIsi.\n")
	out, err := SetKeys(src, "date", "2020-08-05 19:00", "status", "published", "published", "2020-08-05 19:04", "url", "https://www.instagram.com/p/CDx1/")
	if err != nil {
		t.Fatal(err)
	}
	a, err := Parse("posts/x.md", out, wib)
	if err != nil {
		t.Fatal(err)
	}
	m := a.Meta
	if want := time.Date(2020, 8, 5, 19, 0, 0, 0, wib); !m.Date.Equal(want) {
		t.Errorf("date = %v, want %v", m.Date, want)
	}
	if want := time.Date(2020, 8, 5, 19, 4, 0, 0, wib); !m.Published.Equal(want) {
		t.Errorf("published = %v, want %v", m.Published, want)
	}
	if m.Status != "published" || m.URL != "https://www.instagram.com/p/CDx1/" || m.Subtitle != "Lindungi diri" {
		t.Errorf("meta = %+v", m)
	}
	if !bytes.HasSuffix(out, src[bytes.Index(src, []byte("\n---\n\nIntro")):]) {
		t.Errorf("body changed:\n%s", out)
	}
}

func FuzzSetKeys(f *testing.F) {
	for _, seed := range []string{
		"---\ntitle: T\n---\n",
		"\ufeff---\r\ntitle: T\r\nstatus: draft # c\r\n---\r\nB\r\n",
		"---\ntitle: T\ndate:\n  2020-08-03\ncaption: |\n  a\n\n  b\n# c\nslug: s\n---\n",
		"---\n  title: 'a # b'\n  status: \"draft\"\n---\n",
		"---\ntitle: T\r\nstatus: draft\rslug: s\n---\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		before, err := Parse("posts/fuzz.md", src, wib)
		if err != nil {
			return
		}
		out, err := SetKeys(src, "status", "ready", "date", "2020-08-05 19:00")
		if err != nil {
			return // refusing is fine; corrupting is not
		}
		after, err := Parse("posts/fuzz.md", out, wib)
		if err != nil {
			t.Fatalf("the edited post no longer parses: %v\n%q\n%q", err, src, out)
		}
		m := after.Meta
		if m.Status != "ready" || !m.Date.Equal(time.Date(2020, 8, 5, 19, 0, 0, 0, wib)) {
			t.Fatalf("status %q, date %v after the edit\n%q", m.Status, m.Date, out)
		}
		if m.Title != before.Meta.Title || m.Slug != before.Meta.Slug || m.Caption != before.Meta.Caption {
			t.Fatalf("other keys changed\n%q\n%q", src, out)
		}
		if len(after.Sections) != len(before.Sections) {
			t.Fatalf("body changed\n%q\n%q", src, out)
		}
	})
}
