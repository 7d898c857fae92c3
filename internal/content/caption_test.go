package content

import (
	"testing"
	"time"
)

func TestCaption(t *testing.T) {
	a, err := Parse("p.md", []byte("---\ntitle: Cuci Tangan\nhashtags: [cucitangan, covid19]\n---\n\nPakai **sabun** dan air mengalir.\n\n## Langkah\n\nBasahi tangan.\n"), time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	want := "Cuci Tangan\n\nPakai sabun dan air mengalir.\n\n#cucitangan #covid19"
	if got := Caption(a); got != want {
		t.Errorf("caption =\n%q\nwant\n%q", got, want)
	}
	a.Meta.Caption = "Teks sendiri."
	if got := Caption(a); got != "Teks sendiri.\n\n#cucitangan #covid19" {
		t.Errorf("explicit caption = %q", got)
	}
}
