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
		slug = slugify(stem)
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

// slugify lower-cases s and turns every run of other characters into
// one hyphen, trimming hyphens at both ends.
func slugify(s string) string {
	var b strings.Builder
	pendingHyphen := false
	for _, r := range strings.ToLower(s) {
		if r < 0x80 && isSlugByte(byte(r)) && r != '-' {
			if pendingHyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			pendingHyphen = false
			b.WriteRune(r)
			continue
		}
		pendingHyphen = true
	}
	return b.String()
}

func (d *metaDecoder) slug(k, v *yaml.Node) (string, error) {
	s, err := d.text(k, v)
	if err != nil || s == "" || validSlug(s) {
		return s, err
	}
	fix := slugify(s)
	if fix == "" {
		fix = exampleValue("slug")
	}
	return "", diag.Errorf(d.file, d.line(v),
		"slug %q may only hold lower-case letters, digits and hyphens, and may not start or end with a hyphen; write it like %q", s, fix)
}
