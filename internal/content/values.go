package content

import (
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/pkpm-btn3/pkpm/internal/diag"
	"github.com/pkpm-btn3/pkpm/internal/yamlfile"
)

func isNull(v *yaml.Node) bool { return yamlfile.IsNull(v) }

// text accepts any scalar: "title: 2020" is text to the author, whatever
// YAML thinks it is.
func (d *metaDecoder) text(k, v *yaml.Node) (string, error) {
	if isNull(v) {
		return "", nil
	}
	if v.Kind != yaml.ScalarNode {
		return "", d.errorf(k, "%q must be text, like %q", k.Value, k.Value+": "+exampleValue(k.Value))
	}
	return strings.TrimSpace(v.Value), nil
}

func exampleValue(key string) string {
	switch key {
	case "subtitle":
		return "Lindungi diri dan keluarga"
	case "template", "pillar":
		return "edukasi"
	case "caption":
		return "Yuk pakai masker!"
	case "cover":
		return "sampul.jpg"
	case "cover_alt":
		return "Relawan membagikan masker kepada warga"
	case "slug":
		return "cara-memakai-masker"
	default:
		return "Cara Memakai Masker"
	}
}

func (d *metaDecoder) oneOf(k, v *yaml.Node, allowed []string) (string, error) {
	s, err := d.text(k, v)
	if err != nil || s == "" {
		return s, err
	}
	for _, a := range allowed {
		if s == a {
			return s, nil
		}
	}
	msg := fmt.Sprintf("%s %q is not one of %s", k.Value, s, strings.Join(allowed, ", "))
	if sug := suggest(s, allowed); sug != "" {
		msg += fmt.Sprintf(" — did you mean %q?", sug)
	}
	return "", diag.Errorf(d.file, d.line(v), "%s", msg)
}

// hashtags accepts a list, or one string of tags separated by spaces or
// commas ("hashtags: masker covid19"), and drops a leading '#' either way.
func (d *metaDecoder) hashtags(k, v *yaml.Node) ([]string, error) {
	switch {
	case isNull(v):
		return nil, nil
	case v.Kind == yaml.ScalarNode:
		var tags []string
		for _, f := range strings.FieldsFunc(v.Value, isTagSeparator) {
			if t := strings.TrimLeft(f, "#"); t != "" {
				tags = append(tags, t)
			}
		}
		return tags, nil
	case v.Kind != yaml.SequenceNode:
		return nil, d.hashtagsType(k)
	}
	var tags []string
	for _, item := range v.Content {
		item = resolveAlias(item)
		if item.Kind != yaml.ScalarNode || isNull(item) {
			return nil, d.hashtagsType(item)
		}
		t := strings.TrimLeft(strings.TrimSpace(item.Value), "#")
		if strings.ContainsFunc(t, isTagSeparator) {
			return nil, d.errorf(item, "hashtag %q has a space or comma in it; a hashtag is one word, like %q",
				item.Value, strings.Join(strings.FieldsFunc(t, isTagSeparator), ""))
		}
		if t != "" {
			tags = append(tags, t)
		}
	}
	return tags, nil
}

func (d *metaDecoder) hashtagsType(n *yaml.Node) error {
	return d.errorf(n, "%q must be a list of words, like [masker, covid19]", "hashtags")
}

func isTagSeparator(r rune) bool {
	return r == ',' || r == ' ' || r == '\t' || r == '\n' || r == '\u3000'
}

// sources accepts a list of text, or one text for a single source.
func (d *metaDecoder) sources(k, v *yaml.Node) ([]string, error) {
	switch {
	case isNull(v):
		return nil, nil
	case v.Kind == yaml.ScalarNode:
		if s := strings.TrimSpace(v.Value); s != "" {
			return []string{s}, nil
		}
		return nil, nil
	case v.Kind != yaml.SequenceNode:
		return nil, d.errorf(k, "%q must be a list of text, one %q line per source", "sources", "- ")
	}
	var out []string
	for _, item := range v.Content {
		item = resolveAlias(item)
		switch {
		case item.Kind == yaml.MappingNode:
			// The usual cause: "- WHO: Advice ..." where ": " makes YAML
			// read a key and a value.
			return nil, d.errorf(item, "this source is read as %q because of the %q in it; put it in quotes, like - %q",
				"key: value", ": ", "WHO: Advice on the use of masks (2020)")
		case item.Kind != yaml.ScalarNode:
			return nil, d.errorf(item, "each source must be text on its own line, starting with %q", "- ")
		}
		if s := strings.TrimSpace(item.Value); s != "" && !isNull(item) {
			out = append(out, s)
		}
	}
	return out, nil
}
