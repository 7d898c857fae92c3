package calendar

import (
	"strings"
	"time"

	"github.com/pkpm-btn3/pkpm/internal/content"
)

// Post is what the plan knows of a post: its file, its time and status,
// and what the month view and the .ics show of it.
type Post struct {
	File      string
	Slug      string
	Title     string
	Date      time.Time // planned time; zero: not scheduled
	Status    string    // draft, ready or published
	Pillar    string
	Published time.Time // when it went out, if recorded
	URL       string
	Caption   string // the caption without hashtags
	Slides    int    // slides built; -1 when not built
	// Lines holds the line of each front-matter key, for findings.
	Lines map[string]int
}

// PostOf takes what the plan needs from a parsed post. Slides is left
// for the caller, who knows where the built slides are.
func PostOf(a *content.Article) Post {
	return Post{
		File:      a.File,
		Slug:      a.Slug,
		Title:     a.Meta.Title,
		Date:      a.Meta.Date,
		Status:    a.Meta.Status,
		Pillar:    a.Meta.Pillar,
		Published: a.Meta.Published,
		URL:       a.Meta.URL,
		Caption:   content.CaptionText(a),
		Slides:    -1,
		Lines:     a.Meta.Lines,
	}
}

// Scheduled reports whether the post has a planned time.
func (p Post) Scheduled() bool { return !p.Date.IsZero() }

func (p Post) published() bool { return p.Status == "published" }

// line is the line of a front-matter key, or of the title when the key
// is not there, so a finding always points into the front matter.
func (p Post) line(key string) int {
	if l := p.Lines[key]; l > 0 {
		return l
	}
	return p.Lines["title"]
}

// CaptionLines are the first n non-empty lines of the caption.
func (p Post) CaptionLines(n int) []string {
	var out []string
	for _, l := range strings.Split(p.Caption, "\n") {
		if l = strings.TrimSpace(l); l != "" && len(out) < n {
			out = append(out, l)
		}
	}
	return out
}
