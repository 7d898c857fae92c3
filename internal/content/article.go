package content

import (
	"time"

	"github.com/pkpm-btn3/pkpm/internal/diag"
)

// Article is one post file, decoded: its front matter and its body split
// into sections (the future content slides).
type Article struct {
	File     string // path used in messages, as given to Parse
	Slug     string
	Meta     Meta
	Intro    []Block   // blocks before the first break or "##" heading
	Sections []Section // one per slide-to-be, in order
	Warnings []diag.Diagnostic

	// IntroAlt and IntroDirectives hold <!-- key: value --> comments found
	// before the first break, the way Section.Alt and Section.Directives
	// do for a section. IntroDirectives is nil when there are none.
	IntroAlt        string
	IntroDirectives map[string]string
}

// Meta is the front matter. Zero values mean "not given"; defaults from
// pkpm.yaml are applied by the caller, not here.
type Meta struct {
	Title    string
	Subtitle string
	Date     time.Time // zero when not given; in the location passed to Parse
	DateLine int       // line of the date key, for later diagnostics
	// Lines holds the line of each front-matter key given, so later
	// stages can point at the key a problem comes from.
	Lines    map[string]int
	Status   string // "draft" (default), "ready" or "published"
	Template string
	Size     string // "portrait", "square", "landscape" or ""
	Pillar   string
	Hashtags []string // without '#'
	Caption  string
	// CaptionTagLines holds the file line of each hashtag written in the
	// caption, by lower-case tag without '#', so that a finding about
	// one can point at it.
	CaptionTagLines map[string]int
	Sources         []string
	Slug            string
	Cover           string // cover image path, relative to the post
	CoverAlt        string

	// Published is when the post went out and URL where it is on
	// Instagram, as `pkpm mark` records them; zero and "" until then.
	Published time.Time
	URL       string
}

// Section is the source of one content slide.
type Section struct {
	Line   int // first line of the section in the file (1-based)
	Blocks []Block
	Alt    string // from <!-- alt: ... -->, "" when not given

	// Directives holds other <!-- key: value --> comments of the section
	// (e.g. "layout", "background"), keyed by lower-case name.
	Directives map[string]string
}

// BlockKind tells what a block is.
type BlockKind int

const (
	Paragraph BlockKind = iota
	Heading
	List
	Quote
	Image
	Table
	CodeBlock
)

// Block is one block-level element of the body.
type Block struct {
	Kind  BlockKind
	Line  int    // source line (1-based)
	Level int    // Heading: 1..3 (h4-h6 are folded into 3)
	Spans []Span // Paragraph, Heading, CodeBlock (one span, Code style, may hold '\n')

	// List
	Ordered bool
	Start   int // first number of an ordered list
	Items   []Item

	// Quote
	Children []Block

	// Image (a paragraph holding only an image)
	Src string
	Alt string

	// Table: Rows[0] is the header row; each cell is a run of spans.
	Rows [][][]Span
}

// Item is one list item: its own blocks (paragraphs, and nested lists).
type Item struct {
	Blocks []Block
}

// Style is a set of inline styles.
type Style uint8

const (
	Bold Style = 1 << iota
	Italic
	Code
	Strike
	Link
)

// Span is a run of text with one style. A soft line break inside a
// paragraph becomes a space; a hard break becomes "\n".
type Span struct {
	Text  string
	Style Style
	URL   string // Link: the target; for a bare URL equal to Text
}
