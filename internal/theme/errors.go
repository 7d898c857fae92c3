package theme

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"github.com/pkpm-btn3/pkpm/internal/diag"
)

var (
	lineRE    = regexp.MustCompile(`line (\d+): (.*)`)
	unknownRE = regexp.MustCompile(`field (\S+) not found in type theme\.(\w+)`)
)

// keysOf lists the YAML keys of each struct of the format by its Go name,
// for did-you-mean suggestions.
var keysOf = func() map[string][]string {
	out := map[string][]string{}
	var walk func(reflect.Type) []string
	walk = func(t reflect.Type) []string {
		var keys []string
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			tag := f.Tag.Get("yaml")
			if tag == "-" || f.PkgPath != "" && !f.Anonymous {
				continue
			}
			if strings.Contains(tag, ",inline") {
				keys = append(keys, walk(f.Type)...)
				continue
			}
			keys = append(keys, strings.Split(tag, ",")[0])
		}
		return keys
	}
	for _, v := range []any{Template{}, TypeRoles{}, TypeStyle{}, Margins{}, Canvas{}, Sizes{}, Chrome{}, Panel{},
		Decoration{}, Overlay{}, Layouts{}, CoverLayout{}, ContentLayout{}, ListLayout{}, QuoteLayout{},
		ImageLayout{}, StatLayout{}, ClosingLayout{}, SourcesLayout{}} {
		t := reflect.TypeOf(v)
		out[t.Name()] = walk(t)
	}
	return out
}()

// yamlError turns a decoding error into "file:line: what; how to fix".
func yamlError(file string, err error) error {
	var ve *valueError
	if errors.As(err, &ve) {
		return diag.Errorf(file, ve.line, "%s", ve.msg)
	}
	m := lineRE.FindStringSubmatch(err.Error())
	if m == nil {
		return diag.Errorf(file, 0, "not valid YAML: %v", strings.TrimPrefix(err.Error(), "yaml: "))
	}
	line, _ := strconv.Atoi(m[1])
	msg := m[2]
	if f := unknownRE.FindStringSubmatch(msg); f != nil {
		keys := keysOf[f[2]]
		msg = fmt.Sprintf("unknown key %q", f[1])
		if s := diag.Suggest(f[1], keys); s != "" {
			msg += fmt.Sprintf(" — did you mean %q?", s)
		} else if len(keys) > 0 {
			msg += "; here the keys are " + strings.Join(keys, ", ")
		}
	} else if strings.Contains(msg, "cannot unmarshal") {
		msg = "wrong type: " + strings.NewReplacer("!!str", "text", "!!int", "a number", "!!float", "a number",
			"!!map", "a mapping", "!!seq", "a list", "!!bool", "true or false").Replace(msg)
	}
	return diag.Errorf(file, line, "%s", msg)
}
