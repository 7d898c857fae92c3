package deck

import (
	"math"
	"sort"
)

// TextLine is one line of text as set on a slide, for reading a slide's
// typesetting without its pixels.
type TextLine struct {
	Text string  `json:"text"`
	Size float64 `json:"size"`
	// Role is what the line belongs to: title, subtitle, lead, heading,
	// body, list, quote, stat, closing, sources, or chrome (header,
	// footer, the pillar tag and the swipe hint).
	Role string `json:"role"`
}

// Lines returns the slide's text lines in reading order: top to bottom,
// and left to right on one line. A line that ends where a word was
// divided ends with its hyphen. Decorative glyphs (a quote's big mark)
// are not text.
func (s Slide) Lines() []TextLine {
	type placed struct {
		TextLine
		x, y float64
	}
	var all []placed
	for _, l := range s.Layers {
		if l.Kind != TextLayer || l.Role == Decor && !isLogoText(l) {
			continue
		}
		for _, ln := range l.Text.Lines {
			if ln.Text == "" {
				continue
			}
			role := ln.Role
			if l.Role == Chrome || l.Role == Label || role == "" {
				role = "chrome"
			}
			all = append(all, placed{TextLine{ln.Text, math.Round(ln.Size*10) / 10, role}, ln.X, ln.Y})
		}
	}
	sort.SliceStable(all, func(i, j int) bool {
		if math.Abs(all[i].y-all[j].y) > 1 {
			return all[i].y < all[j].y
		}
		return all[i].x < all[j].x
	})
	out := make([]TextLine, len(all))
	for i, p := range all {
		out[i] = p.TextLine
	}
	return out
}

// isLogoText tells the initials in a logo disc, which the closing slide
// draws large as part of its art, from a decorative glyph.
func isLogoText(l Layer) bool {
	for _, ln := range l.Text.Lines {
		if ln.Role == "chrome" {
			return true
		}
	}
	return false
}
