package yamlfile

import (
	"reflect"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// Unmarshaler is a value that reads itself from a Doc, recording its own
// problems there: a value made of several keys that must be checked
// together (a template's background).
type Unmarshaler interface {
	UnmarshalYAMLFile(d *Doc, n *yaml.Node)
}

var (
	fileUnmarshaler = reflect.TypeFor[Unmarshaler]()
	yamlUnmarshaler = reflect.TypeFor[yaml.Unmarshaler]()
)

// Decode fills v, a pointer, from n, driven by v's type: a struct's keys
// are its fields' yaml tags (",inline" and "-" honoured) and any other key
// is a problem; values of types with an UnmarshalYAML method read
// themselves. Values are set onto what v holds, so decoding a second file
// onto it sets only what that file changes (structs, pointers and maps
// are merged; lists are replaced). what names n in messages.
func (d *Doc) Decode(n *yaml.Node, v any, what string) {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		panic("yamlfile: Decode needs a non-nil pointer")
	}
	d.decode(n, rv.Elem(), what)
}

func (d *Doc) decode(n *yaml.Node, rv reflect.Value, what string) {
	n = Resolve(n)
	if IsNull(n) {
		rv.SetZero()
		return
	}
	if rv.CanAddr() {
		switch u := rv.Addr().Interface().(type) {
		case Unmarshaler:
			u.UnmarshalYAMLFile(d, n)
			return
		case yaml.Unmarshaler:
			d.Add(n, u.UnmarshalYAML(n))
			return
		}
	}
	switch rv.Kind() {
	case reflect.Pointer:
		if rv.IsNil() {
			rv.Set(reflect.New(rv.Type().Elem()))
		}
		d.decode(n, rv.Elem(), what)
	case reflect.Struct:
		d.decodeStruct(n, rv, what)
	case reflect.Map:
		d.decodeMap(n, rv, what)
	case reflect.Slice:
		d.decodeSlice(n, rv, what)
	default:
		d.decodeScalar(n, rv, what)
	}
}

func (d *Doc) decodeStruct(n *yaml.Node, rv reflect.Value, what string) {
	keys, index := structKeys(rv.Type())
	keys.In = what
	if n.Kind != yaml.MappingNode {
		d.Map(n, &keys) // says what is wrong
		return
	}
	for _, f := range d.Map(n, &keys) {
		d.decode(f.V, rv.FieldByIndex(index[f.Key]), f.Key)
	}
}

func quoteWhat(what string) string {
	if what == "" {
		return "the file"
	}
	return strconv.Quote(what)
}

// structKeys lists a struct type's keys with the kind of each, and the
// field each key fills.
func structKeys(t reflect.Type) (Keys, map[string][]int) {
	var ks Keys
	index := map[string][]int{}
	var walk func(t reflect.Type, at []int)
	walk = func(t reflect.Type, at []int) {
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			tag := f.Tag.Get("yaml")
			name, opts, _ := strings.Cut(tag, ",")
			if tag == "-" || !f.IsExported() && !f.Anonymous {
				continue
			}
			path := append(append([]int(nil), at...), i)
			if strings.Contains(opts, "inline") {
				walk(f.Type, path)
				continue
			}
			if name == "" {
				name = strings.ToLower(f.Name)
			}
			ks.List = append(ks.List, Key{Name: name, Kind: kindOf(f.Type)})
			index[name] = path
		}
	}
	walk(t, nil)
	return ks, index
}

// kindOf is the Kind a Go type reads.
func kindOf(t reflect.Type) Kind {
	pt := reflect.PointerTo(t)
	switch {
	case pt.Implements(fileUnmarshaler) || t.Implements(fileUnmarshaler):
		return Section
	case t.Kind() == reflect.Slice:
		return List
	case pt.Implements(yamlUnmarshaler) || t.Implements(yamlUnmarshaler):
		return Text
	case t.Kind() == reflect.Pointer:
		return kindOf(t.Elem())
	case t.Kind() == reflect.Struct || t.Kind() == reflect.Map:
		return Section
	case t.Kind() >= reflect.Int && t.Kind() <= reflect.Float64:
		return Number
	}
	return Text
}

func (d *Doc) decodeMap(n *yaml.Node, rv reflect.Value, what string) {
	if n.Kind != yaml.MappingNode {
		d.Errorf(n, "%s must be %q lines below it", quoteWhat(what), "name: value")
		return
	}
	if rv.IsNil() {
		rv.Set(reflect.MakeMap(rv.Type()))
	}
	seen := map[string]int{}
	for _, p := range pairs(n) {
		k, v := p[0], p[1]
		if k.Kind != yaml.ScalarNode || rv.Type().Key().Kind() != reflect.String {
			d.Errorf(k, "the names in %s must be plain words", quoteWhat(what))
			continue
		}
		if first, dup := seen[k.Value]; dup {
			d.Errorf(k, "%q is set twice in %s (first on line %d); keep only one", k.Value, quoteWhat(what), first)
			continue
		}
		seen[k.Value] = d.Line(k)
		if d.lostToComment(k, Resolve(v), kindOf(rv.Type().Elem())) {
			continue
		}
		e := reflect.New(rv.Type().Elem()).Elem()
		d.decode(v, e, k.Value)
		rv.SetMapIndex(reflect.ValueOf(k.Value).Convert(rv.Type().Key()), e)
	}
}

func (d *Doc) decodeSlice(n *yaml.Node, rv reflect.Value, what string) {
	if n.Kind != yaml.SequenceNode {
		d.Errorf(n, "%s must be a list, like [a, b] or one %q line per item", quoteWhat(what), "- ")
		return
	}
	s := reflect.MakeSlice(rv.Type(), len(n.Content), len(n.Content))
	for i, item := range n.Content {
		d.decode(item, s.Index(i), what)
	}
	rv.Set(s)
}

func (d *Doc) decodeScalar(n *yaml.Node, rv reflect.Value, what string) {
	if n.Kind != yaml.ScalarNode {
		d.Errorf(n, "%s must be a single value, not a list or %q lines", quoteWhat(what), "key: value")
		return
	}
	s := strings.TrimSpace(n.Value)
	switch rv.Kind() {
	case reflect.String:
		rv.SetString(n.Value)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		i, err := strconv.ParseInt(s, 10, 64)
		if err != nil || rv.OverflowInt(i) {
			d.Errorf(n, "%s %q must be a whole number, like %s: 5", what, n.Value, what)
			return
		}
		rv.SetInt(i)
	case reflect.Float32, reflect.Float64:
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			d.Errorf(n, "%s %q must be a number, like %s: 0.5", what, n.Value, what)
			return
		}
		rv.SetFloat(f)
	case reflect.Bool:
		b, ok := parseBool(s)
		if !ok {
			d.Errorf(n, "%s %q must be true or false", what, n.Value)
			return
		}
		rv.SetBool(b)
	default:
		d.Errorf(n, "%s cannot be read from a file", quoteWhat(what))
	}
}

func parseBool(s string) (bool, bool) {
	switch strings.ToLower(s) {
	case "true", "yes", "on", "ya":
		return true, true
	case "false", "no", "off", "tidak":
		return false, true
	}
	return false, false
}
