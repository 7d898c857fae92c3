package yamlfile

import (
	"testing"

	"github.com/pkpm-btn3/pkpm/internal/diag"
)

// FuzzDecode reads anything into a struct of every kind the formats use:
// no panic, and every problem is a diagnostic of the file.
func FuzzDecode(f *testing.F) {
	for _, seed := range []string{
		"name: x\nwidth: 1080\non: yes\ntype:\n  body: {max: 40, min: 20}\nlist: [{max: 2}]\n",
		"a: &a [*a]\n", "<<: {name: x}\n", "x: &m {max: 1}\nsizes:\n  <<: *m\n", "list: #a #b\n",
		"\ufeffname: a\r\nwidth: \xff\n", "- a\n", "name: [\n", "type: {a: {max: x}}\ncolors: {? [a]: b}\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		d, err := Read("f.yaml", "f.yaml", src)
		if err == nil {
			var v outer
			if d.Top != nil {
				d.Decode(d.Top, &v, "")
				d.Map(d.Top, testKeys)
			}
			err = d.Err()
		}
		for _, dg := range diag.All(err, "") {
			if dg.File != "f.yaml" || dg.Message == "" || dg.Severity != diag.Error || dg.Line < 0 {
				t.Fatalf("bad diagnostic %#v", dg)
			}
		}
	})
}
