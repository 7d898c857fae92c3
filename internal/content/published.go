package content

import (
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/pkpm-btn3/pkpm/internal/diag"
)

// published reads the time a post went out, written by `pkpm mark`.
func (d *metaDecoder) published(k, v *yaml.Node) error {
	if isNull(v) {
		return nil
	}
	if v.Kind != yaml.ScalarNode {
		return d.errorf(k, "%q must be a date, like %q", "published", "published: 2020-08-03 19:05")
	}
	t, err := parseDate(v.Value, d.loc)
	if err != nil {
		return diag.Errorf(d.file, d.line(v), "%s", err.Error())
	}
	d.meta.Published = t
	return nil
}

// url reads the address of the post on Instagram once it is out.
func (d *metaDecoder) url(k, v *yaml.Node) error {
	s, err := d.text(k, v)
	if err != nil || s == "" {
		return err
	}
	if !strings.HasPrefix(s, "https://") && !strings.HasPrefix(s, "http://") {
		return d.errorf(v, "url %q is not a web address; paste the post's link, like %q", s, "https://www.instagram.com/p/CDx1aBcDeFg/")
	}
	d.meta.URL = s
	return nil
}
