package preview

import (
	"strings"
	"testing"

	"github.com/pkpm-btn3/pkpm/internal/check"
)

func TestFoldText(t *testing.T) {
	long := strings.Repeat("kata ", 40) // 200 characters
	short, folded := foldText(long, captionFold)
	if !folded || len([]rune(short)) > captionFold || len([]rune(short)) < captionFold*2/3 {
		t.Errorf("folded to %d characters (%v)", len([]rune(short)), folded)
	}
	if strings.HasSuffix(short, " ") || strings.HasSuffix(short, "kat") {
		t.Errorf("fold cut a word or left a space: %q", short[len(short)-10:])
	}
	if s, f := foldText("Pendek saja.", captionFold); f || s != "Pendek saja." {
		t.Errorf("short text folded: %q %v", s, f)
	}
	// Emoji count as characters, not bytes.
	emoji := strings.Repeat("😷", 130)
	if s, f := foldText(emoji, captionFold); !f || len([]rune(s)) != captionFold {
		t.Errorf("emoji fold: %d runes", len([]rune(s)))
	}
}

func TestCaptionPartsLinkTagsAndMentions(t *testing.T) {
	parts := captionParts("Ayo #pakaimasker bersama @pkpm.btn3, email a@b.id. #covid19")
	var links []string
	for _, p := range parts {
		if p.Link {
			links = append(links, p.Text)
		}
	}
	if got := strings.Join(links, " "); got != "#pakaimasker @pkpm.btn3 #covid19" {
		t.Errorf("links = %q", got)
	}
	var all strings.Builder
	for _, p := range parts {
		all.WriteString(p.Text)
	}
	if all.String() != "Ayo #pakaimasker bersama @pkpm.btn3, email a@b.id. #covid19" {
		t.Errorf("parts lose text: %q", all.String())
	}
}

func TestSlideOf(t *testing.T) {
	slides := []slide{{line: 1}, {line: 8}, {line: 12}, {line: 12}, {line: 20}, {line: 0}}
	for _, c := range []struct {
		f    check.Finding
		want int
	}{
		{check.Finding{Slide: 4, Line: 3}, 4},
		{check.Finding{Line: 3}, 1},   // front matter: the cover
		{check.Finding{Line: 12}, 3},  // the first of a continued section
		{check.Finding{Line: 15}, 3},  // inside it
		{check.Finding{Line: 25}, 5},  // the last section
		{check.Finding{Line: 0}, 0},   // the whole file
		{check.Finding{Slide: 99}, 6}, // never past the last slide
	} {
		if got := slideOf(c.f, slides); got != c.want {
			t.Errorf("slideOf(%+v) = %d, want %d", c.f, got, c.want)
		}
	}
}

func TestGridCrop(t *testing.T) {
	for _, c := range []struct {
		w, h float64
		want box
	}{
		{1080, 1350, box{X: 33.75, W: 1012.5, H: 1350}},
		{1080, 1080, box{X: 135, W: 810, H: 1080}},
		{900, 1600, box{Y: 200, W: 900, H: 1200}},
	} {
		if got := gridCrop(c.w, c.h); got != c.want {
			t.Errorf("gridCrop(%v, %v) = %+v, want %+v", c.w, c.h, got, c.want)
		}
	}
}

func TestInitials(t *testing.T) {
	if got := initials("PKPM BTN 3 Way Halim", "pkpm.btn3"); got != "PB" {
		t.Errorf("initials = %q", got)
	}
	if got := initials("", "pkpm.btn3"); got != "P" {
		t.Errorf("initials without a name = %q", got)
	}
}
