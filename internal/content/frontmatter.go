package content

import (
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/pkpm-btn3/pkpm/internal/config"
	"github.com/pkpm-btn3/pkpm/internal/diag"
)

// frontMatterKeys are the keys a post may set, in the order the error
// message lists them.
var frontMatterKeys = []string{
	"title", "subtitle", "date", "status", "published", "url", "template", "size", "pillar",
	"hashtags", "caption", "sources", "slug", "cover", "cover_alt",
}

var (
	statusValues = []string{"draft", "ready", "published"}
	sizeValues   = []string{"portrait", "square", "landscape"}
)

// metaDecoder walks the YAML node tree rather than unmarshalling into a
// struct, so that every problem can name the line it is on.
type metaDecoder struct {
	file   string
	offset int // file line = YAML line + offset
	loc    *time.Location
	meta   Meta
}

// decodeFrontMatter decodes the YAML between the delimiters of s.
func decodeFrontMatter(file string, s split, loc *time.Location) (Meta, error) {
	root, err := config.ParseYAML(s.yaml)
	if err != nil {
		return Meta{}, config.SyntaxError(file, s.yaml, s.open, "front matter", err)
	}
	d := &metaDecoder{file: file, offset: s.open, loc: loc}
	if len(root.Content) > 0 {
		if err := d.mapping(root.Content[0]); err != nil {
			return Meta{}, err
		}
	}
	if d.meta.Title == "" {
		return Meta{}, diag.Errorf(file, s.open,
			"the front matter has no %q; add a line like %q", "title", "title: Cara Memakai Masker")
	}
	if d.meta.Status == "" {
		d.meta.Status = "draft"
	}
	return d.meta, nil
}

func (d *metaDecoder) line(n *yaml.Node) int { return n.Line + d.offset }

func (d *metaDecoder) errorf(n *yaml.Node, format string, args ...any) error {
	return diag.Errorf(d.file, d.line(n), format, args...)
}

func (d *metaDecoder) mapping(n *yaml.Node) error {
	if n.Kind != yaml.MappingNode {
		return d.errorf(n, "the front matter must be %q lines, like %q", "key: value", "title: Cara Memakai Masker")
	}
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], resolveAlias(n.Content[i+1])
		if k.Kind != yaml.ScalarNode {
			return d.errorf(k, "front matter keys must be plain words, like %q", "title")
		}
		if first, dup := seen[k.Value]; dup {
			return d.errorf(k, "key %q is set twice (first on line %d); keep only one", k.Value, first)
		}
		seen[k.Value] = d.line(k)
		if err := d.field(k, v); err != nil {
			return err
		}
	}
	return nil
}

// resolveAlias follows one alias, which is all front matter ever needs;
// not recursing keeps self-referencing anchors from looping.
func resolveAlias(n *yaml.Node) *yaml.Node {
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		return n.Alias
	}
	return n
}

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
	case "sources":
		m.Sources, err = d.sources(k, v)
	case "slug":
		m.Slug, err = d.slug(k, v)
	case "cover":
		m.Cover, err = d.text(k, v)
	case "cover_alt":
		m.CoverAlt, err = d.text(k, v)
	default:
		err = d.unknownKey(k)
	}
	return err
}

func (d *metaDecoder) unknownKey(k *yaml.Node) error {
	if s := suggestKey(k.Value); s != "" {
		return d.errorf(k, "unknown key %q — did you mean %q?", k.Value, s)
	}
	return d.errorf(k, "unknown key %q; the keys a post may set are %s", k.Value, strings.Join(frontMatterKeys, ", "))
}
