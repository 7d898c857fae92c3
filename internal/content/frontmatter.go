package content

import (
	"time"

	"gopkg.in/yaml.v3"

	"github.com/pkpm-btn3/pkpm/internal/diag"
	"github.com/pkpm-btn3/pkpm/internal/yamlfile"
)

// frontMatterKeys are the keys a post may set, in the order the error
// message lists them.
var frontMatterKeys = []string{
	"title", "subtitle", "date", "status", "published", "url", "template", "size", "pillar",
	"hashtags", "caption", "sources", "slug", "cover", "cover_alt",
}

// postKeys is what the reader checks a post's keys against.
var postKeys = func() *yamlfile.Keys {
	ks := &yamlfile.Keys{List: yamlfile.TextKeys(frontMatterKeys...), Hints: keyHints}
	for i, k := range ks.List {
		if k.Name == "hashtags" || k.Name == "sources" {
			ks.List[i].Kind = yamlfile.List
		}
	}
	return ks
}()

var (
	statusValues = []string{"draft", "ready", "published"}
	sizeValues   = []string{"portrait", "square", "landscape"}
)

// metaDecoder reads the values of the front matter's keys, each with its
// line.
type metaDecoder struct {
	file string
	src  []byte // the front matter's YAML, for where values sit in it
	doc  *yamlfile.Doc
	loc  *time.Location
	meta Meta
}

// decodeFrontMatter decodes the YAML between the delimiters of s. Every
// mistake is reported, as a diag.List.
func decodeFrontMatter(file string, s split, loc *time.Location) (Meta, error) {
	doc, err := yamlfile.ReadAt(file, "front matter", s.yaml, s.open)
	if err != nil {
		return Meta{}, unclosed(file, s, err)
	}
	d := &metaDecoder{file: file, src: s.yaml, doc: doc, loc: loc}
	if doc.Top != nil {
		d.mapping(doc.Top)
	}
	if d.meta.Title == "" && !d.meta.hasKey("title") && !meantTitle(doc.Top) {
		doc.Add(nil, diag.Errorf(file, s.open,
			"the front matter has no %q; add a line like %q", "title", "title: Cara Memakai Masker"))
	}
	if d.meta.Status == "" {
		d.meta.Status = "draft"
	}
	if err := doc.Err(); err != nil {
		return d.meta, unclosed(file, s, err)
	}
	return d.meta, nil
}

// meantTitle says whether the front matter is not key: value lines, or
// has a key that was meant as the title ("Title", "judul"): the error
// about that key says it already.
func meantTitle(top *yaml.Node) bool {
	if top == nil {
		return false
	}
	if top.Kind != yaml.MappingNode {
		return true
	}
	for i := 0; i < len(top.Content); i += 2 {
		if postKeys.Suggest(top.Content[i].Value) == "title" {
			return true
		}
	}
	return false
}

func (m *Meta) hasKey(k string) bool { _, ok := m.Lines[k]; return ok }

func (d *metaDecoder) line(n *yaml.Node) int { return d.doc.Line(n) }

func (d *metaDecoder) errorf(n *yaml.Node, format string, args ...any) error {
	return diag.Errorf(d.file, d.line(n), format, args...)
}

func (d *metaDecoder) mapping(n *yaml.Node) {
	if n.Kind != yaml.MappingNode {
		d.doc.Add(n, d.errorf(n, "the front matter must be %q lines, like %q", "key: value", "title: Cara Memakai Masker"))
		return
	}
	for _, f := range d.doc.Map(n, postKeys) {
		d.doc.Add(f.K, d.field(f.K, f.V))
	}
}

// resolveAlias follows one alias, which is all front matter ever needs.
func resolveAlias(n *yaml.Node) *yaml.Node { return yamlfile.Resolve(n) }

func (d *metaDecoder) field(k, v *yaml.Node) error {
	var err error
	m := &d.meta
	if m.Lines == nil {
		m.Lines = map[string]int{}
	}
	m.Lines[k.Value] = d.line(k)
	switch k.Value {
	case "title":
		if m.Title, err = d.text(k, v); err == nil && m.Title == "" {
			err = d.errorf(k, "%q is empty; write the post's title after %q", "title", "title:")
		}
	case "subtitle":
		m.Subtitle, err = d.text(k, v)
	case "date":
		err = d.date(k, v)
	case "status":
		m.Status, err = d.oneOf(k, v, statusValues)
	case "published":
		err = d.published(k, v)
	case "url":
		err = d.url(k, v)
	case "template":
		m.Template, err = d.text(k, v)
	case "size":
		m.Size, err = d.oneOf(k, v, sizeValues)
	case "pillar":
		m.Pillar, err = d.text(k, v)
	case "hashtags":
		m.Hashtags, err = d.hashtags(k, v)
	case "caption":
		m.Caption, err = d.text(k, v)
		m.CaptionTagLines = d.tagLines(k, v)
	case "sources":
		m.Sources, err = d.sources(k, v)
	case "slug":
		m.Slug, err = d.slug(k, v)
	case "cover":
		m.Cover, err = d.text(k, v)
	case "cover_alt":
		m.CoverAlt, err = d.text(k, v)
	}
	return err
}
