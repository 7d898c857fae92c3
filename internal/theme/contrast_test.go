package theme

import (
	"image/color"
	"math"
	"testing"
)

func TestContrastKnownValues(t *testing.T) {
	black, white := color.RGBA{0, 0, 0, 255}, color.RGBA{255, 255, 255, 255}
	if got := Contrast(black, white); math.Abs(got-21) > 0.01 {
		t.Errorf("black on white = %.2f, want 21", got)
	}
	grey := color.RGBA{0x76, 0x76, 0x76, 255} // the lightest grey passing AA on white
	if got := Contrast(grey, white); got < 4.5 || got > 4.6 {
		t.Errorf("#767676 on white = %.2f, want just above 4.5", got)
	}
}

// Every built-in template keeps every text pair it draws at WCAG AA.
func TestBuiltInTemplatesMeetAA(t *testing.T) {
	for _, name := range Names("") {
		tm, err := Load("", name)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range Pairs {
			got := Contrast(tm.Color(p.Text), tm.Color(p.Background))
			if got < p.Required() {
				t.Errorf("%s: %s on %s is %.2f:1, below %.1f:1", name, p.Text, p.Background, got, p.Required())
			}
		}
	}
}
