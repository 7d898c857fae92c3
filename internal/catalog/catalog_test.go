package catalog

import (
	"sort"
	"strings"
	"testing"
)

// Every language says everything: a key in one catalogue and not another
// would show an empty spot on that language's pages.
func TestCataloguesHaveTheSameKeys(t *testing.T) {
	base := catalogues[Default]
	for lang, words := range catalogues {
		for k := range base {
			if _, ok := words[k]; !ok {
				t.Errorf("%s: %q is missing", lang, k)
			}
		}
		for k, w := range words {
			if _, ok := base[k]; !ok {
				t.Errorf("%s: %q is not in %s", lang, k, Default)
			}
			if strings.TrimSpace(w) == "" {
				t.Errorf("%s: %q is empty", lang, k)
			}
			if strings.Count(w, "%") != strings.Count(base[k], "%") {
				t.Errorf("%s: %q takes other arguments than in %s: %q vs %q", lang, k, Default, w, base[k])
			}
		}
	}
}

func TestText(t *testing.T) {
	id, en := For("id"), For("en")
	if got := id.T("bundles.save_all"); got != "Simpan semua" {
		t.Errorf("id save_all = %q", got)
	}
	if got := en.T("bundles.save_all"); got != "Save all" {
		t.Errorf("en save_all = %q", got)
	}
	if got, _ := en.Count("slides", 1); got != "1 slide" {
		t.Errorf("en 1 = %q", got)
	}
	if got, _ := en.Count("slides", 3); got != "3 slides" {
		t.Errorf("en 3 = %q", got)
	}
	if got, _ := id.Count("slides", 3); got != "3 slide" {
		t.Errorf("id 3 = %q", got)
	}
	if got, _ := id.Text("bundles.slide", 2); got != "Slide 2 ukuran penuh" {
		t.Errorf("id slide 2 = %q", got)
	}
	if _, err := id.Text("no.such.key"); err == nil {
		t.Error("a missing key is no error")
	}
	if For("fr").Lang != "id" || For("").Lang != "id" {
		t.Error("an unknown language does not fall back to id")
	}
	langs := Languages()
	if !sort.StringsAreSorted(langs) || strings.Join(langs, ",") != "en,id" {
		t.Errorf("Languages() = %v", langs)
	}
}
