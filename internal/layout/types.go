package layout

import (
	"image/color"

	"github.com/go-text/typesetting/font"
)

// Style selects a face and decorations for a span.
type Style uint8

const (
	Bold Style = 1 << iota
	Italic
	Mono
	Display // the display face, for titles
	Strike
	Underline
	URL // breakable after '/', as a bare link is
)

// Span is a run of text with one style and colour.
type Span struct {
	Text  string
	Style Style
	Color color.RGBA
}

// Align is the horizontal alignment of a block's lines.
type Align uint8

const (
	Left Align = iota
	Center
	Right
)

// Deco is a decoration drawn with a block's lines.
type Deco uint8

const (
	NoDeco   Deco = iota
	QuoteBar      // a bar left of the lines, in DecoColor
	CodeBox       // a rounded box behind the lines, in DecoColor
)

// Block is a paragraph-like unit: lines are broken inside it, never across.
// Sizes are relative to the box's base size so fitting scales them together.
type Block struct {
	Spans []Span
	Scale float64 // font size = base size × Scale (0 means 1)
	// MinSize is the smallest font size of the block, in pixels: below
	// it the block stops shrinking with the others. A word of it may be
	// divided at any base size where it is set at MinSize.
	MinSize     float64
	LineHeight  float64 // line pitch as a multiple of the font size (0 means 1.3)
	SpaceBefore float64 // gap above, in base sizes; dropped at the top of a page
	Indent      float64 // left indent of every line, in base sizes
	Marker      []Span  // list marker drawn in the indent, right-aligned to it
	Align       Align
	Tracking    float64 // extra advance per glyph, in ems
	Deco        Deco
	DecoColor   color.RGBA
	Line        int    // source line, carried into Broken for messages
	Role        string // what the block is ("title", "body"), carried into its lines
	Balance     bool   // lines of about equal length, as a title's (text-wrap: balance)
	Table       *Table // when set, Spans are ignored and the table is laid out
}

// Table is a simple grid with equal-width columns; Rows[0] is the header.
type Table struct {
	Rows      [][][]Span
	RuleColor color.RGBA
}

// Box is a rectangle on the canvas, in pixels.
type Box struct{ X, Y, W, H float64 }

// VAlign places a page's content vertically inside its box.
type VAlign uint8

const (
	Top VAlign = iota
	Middle
	Bottom
)

// Spec is what Fit lays out: blocks in a box, with the allowed base sizes.
type Spec struct {
	Box     Box
	Blocks  []Block
	MaxSize float64
	MinSize float64
	VAlign  VAlign
	// FewerLines prefers a size up to 15% smaller than the largest that
	// fits when it sets the first balanced block (a title) of three or
	// more lines in fewer: two lines beat three of a slightly larger title.
	FewerLines bool
	// Repeat, when set, is set at the top of every page after the first,
	// at the same size: a heading marked as continued. Its lines have
	// Block -1.
	Repeat *Block
}

// Glyph is one glyph to draw; X and Y are the pen position on the canvas
// (Y is the baseline), offsets already applied.
type Glyph struct {
	ID   font.GID
	X, Y float64
}

// Run is a sequence of glyphs sharing face, size and colour.
type Run struct {
	Face   *font.Face
	Emoji  bool // the face is the colour emoji face
	Size   float64
	Color  color.RGBA
	Style  Style
	X0, X1 float64 // horizontal extent, for strike and underline
	Glyphs []Glyph
}

// Line is one laid-out line of a block.
type Line struct {
	Block   int     // index of the block in Spec.Blocks
	X, Y    float64 // left edge and baseline
	W       float64 // advance width of the line, trailing spaces excluded
	Size    float64
	Ascent  float64
	Descent float64
	Text    string
	Runs    []Run
	// SpaceAfter is set when the line ended at a space or a hard break;
	// it is unset when a word was divided, so text can be joined exactly.
	SpaceAfter bool
	// Hyphen is set when the line ends in a hyphen the layout added where
	// it divided a word: Text ends with it, the source text does not.
	Hyphen bool
	Role   string // the block's Role
}

// Rect is a filled rectangle to draw behind the text (quote bars, code
// boxes, table rules).
type Rect struct {
	X, Y, W, H float64
	Radius     float64
	Color      color.RGBA
}

// Page is one box's worth of laid-out content.
type Page struct {
	Lines  []Line
	Rects  []Rect
	Height float64 // used height, from the box top
}

// Result is what Fit found.
type Result struct {
	Size     float64 // the base size used
	Pages    []Page  // more than one when the text did not fit at MinSize
	Broken   []Broken
	Overflow bool // text needed continuation pages
}

// Broken is a word that was wider than its box and was divided, shown as
// divided ("Pengembang-an"; a link's parts are not marked).
type Broken struct {
	Word  string
	Line  int // the source line of its block
	Block int // index of its block in Spec.Blocks
	Page  int // index of the page it starts on
	Role  string
}
