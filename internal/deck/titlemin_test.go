package deck

import (
	"strings"
	"testing"

	"github.com/pkpm-btn3/pkpm/internal/theme"
)

// A template's title_min is where each kind's title stops shrinking: a
// long cover title and a long heading over much text stay at or above
// it, and the body goes on shrinking below them.
func TestTitleMinIsTheTitlesSmallestSize(t *testing.T) {
	eng := engine(t)
	tm, err := theme.Parse("templates/besar.yaml", []byte("name: besar\nextends: edukasi\nlayouts:\n  cover:\n    title_min: 90\n  content:\n    title_min: 60\n"))
	if err != nil {
		t.Fatal(err)
	}
	body := strings.Repeat("Warga saling mengingatkan untuk memakai masker dan mencuci tangan. ", 9)
	src := "---\ntitle: Memperkenalkan Protokol Kesehatan Baru bagi Seluruh Warga Perumahan\n---\n\n## Langkah penting yang perlu diketahui seluruh warga\n\n" + body + "\n"
	for _, size := range []string{"portrait", "square", "landscape"} {
		slides, _ := composeWith(t, eng, tm, src, size)
		least := map[string]float64{}
		for _, s := range slides[:2] {
			for _, l := range s.Lines() {
				if v, ok := least[l.Role]; !ok || l.Size < v {
					least[l.Role] = l.Size
				}
			}
		}
		if least["title"] < 90 || least["heading"] < 60 {
			t.Errorf("%s: smallest title %v, heading %v; want at least 90 and 60", size, least["title"], least["heading"])
		}
		if least["body"] >= 60*tm.Type["body"].Max/tm.Type["heading"].Max {
			t.Errorf("%s: body at %v; it should shrink below the heading's floor scaled", size, least["body"])
		}
	}
}
