package content

import (
	"path/filepath"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/pkpm-btn3/pkpm/internal/diag"
)

// articleSlug picks the slug: the one the front matter gives, else one
// made from the file name (the folder name for posts/<slug>/index.md).
// filepath is used for its string functions only; nothing is read.
func articleSlug(file string, meta Meta, line int) (string, error) {
	if meta.Slug != "" {
		return meta.Slug, nil
	}
	name := filepath.Base(file)
	ext := filepath.Ext(name)
	stem := strings.TrimSuffix(name, ext)
	if strings.EqualFold(stem, "index") && isMarkdownExt(ext) {
		stem = filepath.Base(filepath.Dir(file))
	}
	slug := stem
	if !validSlug(slug) {
		slug = Slugify(stem)
	}
	if slug == "" {
		return "", diag.Errorf(file, line,
			"cannot make a slug from the file name %q; add a line like %q to the front matter",
			name, "slug: cara-memakai-masker")
	}
	return slug, nil
}

func isMarkdownExt(ext string) bool {
	return strings.EqualFold(ext, ".md") || strings.EqualFold(ext, ".markdown")
}

// validSlug: lower-case letters, digits and hyphens, no hyphen at either end.
func validSlug(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isSlugByte(s[i]) {
			return false
		}
	}
	return true
}

func isSlugByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-'
}

// Slugify makes a post's file name from its title: lower case, ASCII,
// words joined by hyphens. Letters with accents lose them, apostrophes
// vanish ("Jum'at" → "jumat"), anything else separates words.
func Slugify(title string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range strings.ToLower(title) {
		if r == '\'' || r == '’' || r == 'ʼ' {
			continue
		}
		if f, ok := asciiFold[r]; ok {
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteString(f)
			continue
		}
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(r)
			continue
		}
		hyphen = true
	}
	slug := b.String()
	const maxLen = 80
	if len(slug) > maxLen {
		slug = slug[:maxLen]
		if i := strings.LastIndexByte(slug, '-'); i > maxLen/2 {
			slug = slug[:i]
		}
		slug = strings.TrimRight(slug, "-")
	}
	return slug
}

// asciiFold spells Latin letters with marks in plain ASCII.
var asciiFold = func() map[rune]string {
	m := map[rune]string{'ß': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o", 'đ': "d", 'ł': "l", 'ı': "i", 'þ': "th"}
	for base, letters := range map[string]string{
		"a": "àáâãäåāăą", "c": "çćĉċč", "e": "èéêëēĕėęě", "g": "ĝğġģ", "i": "ìíîïĩīĭį",
		"n": "ñńņňŉ", "o": "òóôõöōŏő", "s": "śŝşš", "t": "ţťŧ", "u": "ùúûüũūŭůűų", "y": "ýÿŷ", "z": "źżž",
	} {
		for _, r := range letters {
			m[r] = base
		}
	}
	return m
}()

func (d *metaDecoder) slug(k, v *yaml.Node) (string, error) {
	s, err := d.text(k, v)
	if err != nil || s == "" || validSlug(s) {
		return s, err
	}
	fix := Slugify(s)
	if fix == "" {
		fix = exampleValue("slug")
	}
	return "", diag.Errorf(d.file, d.line(v),
		"slug %q may only hold lower-case letters, digits and hyphens, and may not start or end with a hyphen; write it like %q", s, fix)
}
