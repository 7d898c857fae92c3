package layout

import (
	"strings"
	"testing"
)

// Keeping a lone word off the last line does not leave one alone on the
// line above: the last lines are set again together.
func TestPrettyLeavesNoLoneWordAbove(t *testing.T) {
	e := New(loadTestFonts(t))
	text := "Di masa pandemi, banyak warga memilih berbelanja dari rumah. Ini kesempatan bagi usaha kecil di lingkungan kita untuk berjualan lewat Instagram. 📱"
	res := e.Fit(Spec{Box: Box{W: 888, H: 2000}, MaxSize: 66, MinSize: 66, Blocks: []Block{para(text)}})
	lines := res.Pages[0].Lines
	for i, l := range lines {
		if len(strings.Fields(l.Text)) == 1 {
			t.Errorf("line %d of %d holds one word: %q", i+1, len(lines), l.Text)
		}
	}
}
