package diag

import "testing"

func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"a", "", 1}, {"", "abc", 3}, {"title", "title", 0},
		{"titel", "title", 1}, {"kitten", "sitting", 3}, {"ab", "ba", 1}, {"ca", "abc", 3},
		{"masker😷", "masker", 1},
	}
	for _, tt := range tests {
		if got := editDistance(tt.a, tt.b); got != tt.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestSuggest(t *testing.T) {
	for word, want := range map[string]string{"titel": "title", "handel": "handle", "Title": "title", "hash": "hashtags", "xyz": ""} {
		if got := Suggest(word, []string{"title", "handle", "hashtags"}); got != want {
			t.Errorf("Suggest(%q) = %q, want %q", word, got, want)
		}
	}
}

func TestSuggestPhrase(t *testing.T) {
	slugs := []string{"cara-memakai-masker", "cuci-tangan-6-langkah", "cuci-tangan-pakai-sabun-6-langkah", "gejala-covid-19"}
	for _, c := range []struct{ word, want string }{
		{"cuci-tangan-pakai-sabun-enam-langkah", "cuci-tangan-pakai-sabun-6-langkah"},
		{"cara-memakai-maskr", "cara-memakai-masker"},
		{"gejala", "gejala-covid-19"},
		{"jadwal-posyandu-balita", ""},
	} {
		if got := SuggestPhrase(c.word, slugs); got != c.want {
			t.Errorf("SuggestPhrase(%q) = %q, want %q", c.word, got, c.want)
		}
	}
}
