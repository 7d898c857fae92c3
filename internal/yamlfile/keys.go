package yamlfile

import (
	"fmt"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/pkpm-btn3/pkpm/internal/diag"
)

// Kind is what a key's value is. It decides how a value that YAML read as
// a comment is shown written the right way.
type Kind int

const (
	// Text is one value: a word, a sentence, a date, a colour.
	Text Kind = iota
	// List is a list of values.
	List
	// Number is a number.
	Number
	// Section is "key: value" lines below the key; a comment after it is
	// only a comment.
	Section
)

// Key is a key a mapping may hold.
type Key struct {
	Name string
	Kind Kind
}

// Keys are the keys one mapping of a format may hold.
type Keys struct {
	// In names the mapping in messages ("rules", "a slot"); "" for the
	// top of the file.
	In string
	// List holds the keys, in the order messages list them.
	List []Key
	// Aliases are other spellings read as a key ("gradient" for "linear").
	Aliases map[string]string
	// Hints are words people write for a key; they are suggested, not
	// accepted ("judul" for "title"). Matched in any case.
	Hints map[string]string
}

// TextKeys makes keys that all hold text.
func TextKeys(names ...string) []Key {
	out := make([]Key, len(names))
	for i, n := range names {
		out[i] = Key{Name: n, Kind: Text}
	}
	return out
}

// Names are the keys' names.
func (ks *Keys) Names() []string {
	out := make([]string, len(ks.List))
	for i, k := range ks.List {
		out[i] = k.Name
	}
	return out
}

func (ks *Keys) find(name string) (Key, bool) {
	for _, k := range ks.List {
		if k.Name == name {
			return k, true
		}
	}
	return Key{}, false
}

// Suggest is the key most likely meant by name, or "".
func (ks *Keys) Suggest(name string) string {
	if h, ok := ks.Hints[strings.ToLower(name)]; ok {
		if _, known := ks.find(h); known {
			return h
		}
	}
	return SuggestFold(name, ks.Names())
}

// SuggestFold is diag.Suggest ignoring case, returning the candidate as it
// is written.
func SuggestFold(word string, candidates []string) string {
	lower := make([]string, len(candidates))
	for i, c := range candidates {
		lower[i] = strings.ToLower(c)
	}
	s := diag.Suggest(strings.ToLower(word), lower)
	for i, l := range lower {
		if s != "" && l == s {
			return candidates[i]
		}
	}
	return ""
}

// Field is one key of a mapping and its value, aliases followed.
type Field struct {
	// Key is the key as the format names it (an alias is replaced).
	Key  string
	K, V *yaml.Node
}

// Fields are the known keys a mapping holds, in file order.
type Fields []Field

// Get returns the field of a key.
func (fs Fields) Get(key string) (Field, bool) {
	for _, f := range fs {
		if f.Key == key {
			return f, true
		}
	}
	return Field{}, false
}

// Has says whether the mapping holds key.
func (fs Fields) Has(key string) bool {
	_, ok := fs.Get(key)
	return ok
}

// Map walks a mapping against its known keys and returns the fields it
// holds. Unknown keys (with the key meant), repeated keys, keys that are
// not words, and values lost to a YAML comment are recorded as problems
// and left out; the walk goes on.
func (d *Doc) Map(n *yaml.Node, keys *Keys) Fields {
	n = Resolve(n)
	if n == nil || n.Kind != yaml.MappingNode {
		d.Errorf(n, "%s must be %q lines%s", keys.what(), "key: value", like(keys))
		return nil
	}
	var out Fields
	for _, p := range pairs(n) {
		k, v := p[0], Resolve(p[1])
		if k.Kind != yaml.ScalarNode {
			d.Errorf(k, "keys must be plain words, like %q", keys.List[0].Name)
			continue
		}
		name := k.Value
		if a, ok := keys.Aliases[name]; ok {
			name = a
		}
		key, known := keys.find(name)
		if !known {
			d.unknownKey(k, keys)
			continue
		}
		if prev, dup := out.Get(name); dup {
			d.Errorf(k, "key %q is set twice (first on line %d); keep only one", k.Value, d.Line(prev.K))
			continue
		}
		if d.lostToComment(k, v, key.Kind) {
			continue
		}
		out = append(out, Field{Key: name, K: k, V: v})
	}
	return out
}

// pairs are a mapping's key and value nodes, with "<<: *anchor" merges
// expanded; keys written in the mapping itself come after merged ones so
// that they win, as YAML says.
func pairs(n *yaml.Node) [][2]*yaml.Node {
	var merged, own [][2]*yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], Resolve(n.Content[i+1])
		if k.Kind == yaml.ScalarNode && k.Tag == "!!merge" {
			srcs := []*yaml.Node{v}
			if v.Kind == yaml.SequenceNode {
				srcs = v.Content
			}
			for _, s := range srcs {
				if s = Resolve(s); s.Kind == yaml.MappingNode && s != n {
					for j := 0; j+1 < len(s.Content); j += 2 {
						merged = append(merged, [2]*yaml.Node{s.Content[j], s.Content[j+1]})
					}
				}
			}
			continue
		}
		own = append(own, [2]*yaml.Node{k, n.Content[i+1]})
	}
	if len(merged) == 0 {
		return own
	}
	// A merged key the mapping sets itself is not a repeat.
	var out [][2]*yaml.Node
	for _, m := range merged {
		if !hasKey(own, m[0].Value) && !hasKey(out, m[0].Value) {
			out = append(out, m)
		}
	}
	return append(out, own...)
}

func hasKey(ps [][2]*yaml.Node, key string) bool {
	for _, p := range ps {
		if p[0].Value == key {
			return true
		}
	}
	return false
}

func (ks *Keys) what() string {
	if ks.In == "" {
		return "the file"
	}
	return strconv.Quote(ks.In)
}

func like(ks *Keys) string {
	if len(ks.List) == 0 {
		return ""
	}
	where := ""
	if ks.In != "" {
		where = " below it"
	}
	return fmt.Sprintf("%s, like %q", where, ks.List[0].Name+": ...")
}

func (d *Doc) unknownKey(k *yaml.Node, keys *Keys) {
	in := ""
	if keys.In != "" {
		in = " in " + keys.In
	}
	if s := keys.Suggest(k.Value); s != "" {
		d.Errorf(k, "unknown key %q%s — did you mean %q?", k.Value, in, s)
		return
	}
	d.Errorf(k, "unknown key %q%s; the keys%s are %s", k.Value, in, in, strings.Join(keys.Names(), ", "))
}

// lostToComment reports a key whose value is empty while its line holds a
// comment: "hashtags: #pkpm #covid19" is a key with no value to YAML, and
// the author loses the value without a word.
func (d *Doc) lostToComment(k, v *yaml.Node, kind Kind) bool {
	c := strings.TrimSpace(k.LineComment)
	if kind == Section || !IsNull(v) || c == "" || v.Line != k.Line || v.Value != "" {
		return false
	}
	d.Errorf(k, "%s: %q is read as a YAML comment; write %s: %s", k.Value, c, k.Value, Written(c, kind))
	return true
}

// Written is text written as a value of a kind, so that YAML reads it
// whole: a list of its words without '#', a bare number, or quoted text.
func Written(text string, kind Kind) string {
	switch kind {
	case List:
		var items []string
		for _, w := range strings.FieldsFunc(text, func(r rune) bool { return r == ' ' || r == ',' || r == '\t' }) {
			if w = strings.TrimLeft(w, "#"); w != "" {
				items = append(items, quoteIfNeeded(w))
			}
		}
		return "[" + strings.Join(items, ", ") + "]"
	case Number:
		if t := strings.TrimLeft(text, "#"); t != "" {
			if _, err := strconv.ParseFloat(t, 64); err == nil {
				return t
			}
		}
	}
	return strconv.Quote(text)
}

// quoteIfNeeded quotes a list item YAML would not read as plain text.
func quoteIfNeeded(s string) string {
	if strings.ContainsAny(s, ":[]{}&*!|>'\"%@`") {
		return strconv.Quote(s)
	}
	return s
}
