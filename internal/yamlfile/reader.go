package yamlfile

import (
	"fmt"

	"gopkg.in/yaml.v3"

	"github.com/pkpm-btn3/pkpm/internal/diag"
)

// Doc is one YAML text being read: its top node, where its lines sit in
// the file, and every problem found so far.
type Doc struct {
	// File is the path used in messages.
	File string
	// Top is the document's top value, aliases followed; nil when the
	// text holds none (empty, or only comments).
	Top    *yaml.Node
	offset int
	errs   diag.List
}

// Read normalises src (see Normalize) and parses it. what names the text
// in messages ("calendar.yaml"). A text that is not UTF-8 or not YAML is
// an error; reading goes no further then.
func Read(file, what string, src []byte) (*Doc, error) {
	text, err := Normalize(file, src)
	if err != nil {
		return nil, err
	}
	return ReadAt(file, what, text, 0)
}

// ReadAt parses normalised YAML text that is part of a file: file line =
// line in text + offset (front matter sits below its "---").
func ReadAt(file, what string, text []byte, offset int) (*Doc, error) {
	root, err := parse(text)
	if err != nil {
		return nil, syntaxError(file, text, offset, what, err)
	}
	d := &Doc{File: file, offset: offset}
	if len(root.Content) > 0 {
		d.Top = Resolve(root.Content[0])
		if IsNull(d.Top) {
			d.Top = nil
		}
	}
	return d, nil
}

// parse parses YAML into a node tree, turning a panic inside the YAML
// library into an error: no input may crash pkpm.
func parse(src []byte) (root yaml.Node, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("yaml: %v", r)
		}
	}()
	err = yaml.Unmarshal(src, &root)
	return root, err
}

// Line is the file line of a node.
func (d *Doc) Line(n *yaml.Node) int {
	if n == nil || n.Line == 0 {
		return 0
	}
	return n.Line + d.offset
}

// Errorf records a problem at the line of n and reading goes on.
func (d *Doc) Errorf(n *yaml.Node, format string, args ...any) {
	d.errs.Add(diag.Errorf(d.File, d.Line(n), format, args...))
}

// Add records a problem found by other means: an error that Errorf made
// (ValueError) keeps its node's line; any other error is put at n.
func (d *Doc) Add(n *yaml.Node, err error) {
	if err == nil {
		return
	}
	if ve, ok := err.(*ValueError); ok {
		if ve.Node != nil {
			n = ve.Node
		}
		dg := diag.Errorf(d.File, d.Line(n), "%s", ve.Msg)
		dg.Err = ve.Err
		d.errs.Add(dg)
		return
	}
	for _, dg := range diag.All(err, d.File) {
		if dg.File == d.File && dg.Line == 0 {
			dg.Line = d.Line(n)
		}
		d.errs.Add(dg)
	}
}

// Count is how many problems have been recorded.
func (d *Doc) Count() int { return len(d.errs) }

// Err is every recorded problem in line order, as a diag.List, or nil.
func (d *Doc) Err() error {
	d.errs.Sort()
	return d.errs.Err()
}

// ValueError is a bad value that a type's UnmarshalYAML found; Decode
// reports it at the node's line in the file.
type ValueError struct {
	Node *yaml.Node
	Msg  string
	Err  error // the cause, if any
}

func (e *ValueError) Error() string {
	if e.Node != nil {
		return fmt.Sprintf("line %d: %s", e.Node.Line, e.Msg)
	}
	return e.Msg
}

func (e *ValueError) Unwrap() error { return e.Err }

// Errorf makes a ValueError about node n.
func Errorf(n *yaml.Node, format string, args ...any) error {
	return &ValueError{Node: n, Msg: fmt.Sprintf(format, args...)}
}

// Resolve follows an alias to the node it names. One step is all a value
// needs; not recursing keeps self-referencing anchors from looping.
func Resolve(n *yaml.Node) *yaml.Node {
	if n != nil && n.Kind == yaml.AliasNode && n.Alias != nil {
		return n.Alias
	}
	return n
}

// IsNull says whether n is YAML's null: an empty value, "~" or "null".
func IsNull(n *yaml.Node) bool {
	return n == nil || n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

// Lookup finds the key and value nodes of a key path below the top, or
// nils when the path is not there.
func (d *Doc) Lookup(path ...string) (k, v *yaml.Node) {
	n := d.Top
	for _, key := range path {
		n = Resolve(n)
		if n == nil || n.Kind != yaml.MappingNode {
			return nil, nil
		}
		found := false
		for _, p := range pairs(n) {
			if p[0].Value == key {
				k, n, found = p[0], Resolve(p[1]), true
			}
		}
		if !found {
			return nil, nil
		}
	}
	return k, n
}

// KeyLine finds the line (in the YAML text) of a key path below n, or 0
// when the path is not there.
func KeyLine(n *yaml.Node, path ...string) int {
	if n == nil {
		return 0
	}
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	line := 0
	for _, key := range path {
		n = Resolve(n)
		if n.Kind != yaml.MappingNode {
			return 0
		}
		found := false
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == key {
				line, n, found = n.Content[i].Line, n.Content[i+1], true
				break
			}
		}
		if !found {
			return 0
		}
	}
	return line
}
