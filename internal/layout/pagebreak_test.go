package layout

import (
	"fmt"
	"testing"
)

// lineUnits makes one block of n lines of height 10; the lines listed in
// ends close a sentence.
func lineUnits(n int, ends ...int) []unit {
	us := make([]unit, n)
	for i := range us {
		text := fmt.Sprintf("baris %d tanpa titik", i)
		for _, e := range ends {
			if e == i {
				text = fmt.Sprintf("baris %d selesai.", i)
			}
		}
		us[i] = unit{h: 10, lines: []Line{{Text: text}}}
	}
	return us
}

func TestBreakPages(t *testing.T) {
	spec := Spec{Box: Box{H: 100}, Blocks: []Block{{Role: "body"}, {Role: "body"}}}
	for _, tc := range []struct {
		name string
		us   []unit
		repH float64
		want []int
	}{
		// 11 lines on pages of 10: greedy would leave one line alone.
		{"balanced", lineUnits(11), 0, []int{0, 6}},
		// A sentence ends after line 4 (break before 5): near the middle.
		{"sentence end", lineUnits(11, 4), 0, []int{0, 5}},
		// A sentence end far from the middle is not worth a lopsided split.
		{"far sentence end", lineUnits(11, 0), 0, []int{0, 6}},
		// The repeated heading takes room on the second page.
		{"repeat", lineUnits(18), 20, []int{0, 10}},
	} {
		if got := breakPages(spec, tc.us, tc.repH); fmt.Sprint(got) != fmt.Sprint(tc.want) {
			t.Errorf("%s: starts = %v, want %v", tc.name, got, tc.want)
		}
	}
	// A paragraph end beats a sentence end at the same distance.
	us := lineUnits(12, 4)
	for i := 6; i < 12; i++ {
		us[i].block = 1
	}
	if got := breakPages(spec, us, 0); fmt.Sprint(got) != "[0 6]" {
		t.Errorf("paragraph: starts = %v, want [0 6]", got)
	}
	// No page ends with a heading.
	spec.Blocks[0].Role = "heading"
	us = lineUnits(12)
	for i := 1; i < 12; i++ {
		us[i].block = 1
	}
	if got := breakPages(spec, us, 0); got[1] == 1 {
		t.Errorf("heading alone on a page: starts = %v", got)
	}
}
