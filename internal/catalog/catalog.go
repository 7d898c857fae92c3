package catalog

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// Default is the language of a project that does not name one.
const Default = "id"

// catalogues maps a language to its words, key → text. A text may hold
// fmt verbs for Text's arguments. A counted text has two keys, "key.one"
// and "key.other", chosen by Count.
var catalogues = map[string]map[string]string{"id": id, "en": en}

// Languages are the languages there is a catalogue for, sorted.
func Languages() []string {
	var out []string
	for l := range catalogues {
		out = append(out, l)
	}
	sort.Strings(out)
	return out
}

// Known reports whether there is a catalogue for lang.
func Known(lang string) bool { return slices.Contains(Languages(), lang) }

// Catalog is the words of one language.
type Catalog struct {
	Lang  string
	words map[string]string
}

// For returns the catalogue of lang, or of Default when there is none.
func For(lang string) Catalog {
	if !Known(lang) {
		lang = Default
	}
	return Catalog{Lang: lang, words: catalogues[lang]}
}

// Text is the text of key, filled with args. A key missing from the
// catalogue is an error, so a page template naming one fails its tests
// rather than showing nothing.
func (c Catalog) Text(key string, args ...any) (string, error) {
	w, ok := c.words[key]
	if !ok {
		return "", fmt.Errorf("no text %q in the %q catalogue", key, c.Lang)
	}
	if len(args) == 0 || !strings.Contains(w, "%") {
		return w, nil // a counted word without the count: "postingan"
	}
	return fmt.Sprintf(w, args...), nil
}

// Count is the text of key for n things ("1 slide", "3 slides"), with n
// filled in: "key.one" for one where the language has it, else
// "key.other".
func (c Catalog) Count(key string, n int) (string, error) {
	if _, ok := c.words[key+".one"]; ok && n == 1 {
		return c.Text(key+".one", n)
	}
	return c.Text(key+".other", n)
}

// T is Text for Go code whose keys are fixed: a missing key shows as the
// key itself.
func (c Catalog) T(key string, args ...any) string {
	s, err := c.Text(key, args...)
	if err != nil {
		return key
	}
	return s
}

// Funcs are the template functions that read the catalogue: {{t "key"}},
// {{t "key" arg}}, {{n "key" count}} and {{lang}}.
func (c Catalog) Funcs() map[string]any {
	return map[string]any{
		"t":    c.Text,
		"n":    c.Count,
		"lang": func() string { return c.Lang },
	}
}
