// Package layout turns styled text blocks into positioned glyphs: it shapes
// text with HarfBuzz (go-text/typesetting), finds UAX #14 line breaks,
// falls back per grapheme from the text face to the colour emoji face, and
// fits blocks into a box by shrinking type between a maximum and a minimum
// size, paginating what still does not fit.
//
// It measures fonts but never draws: it must not import gg or do file I/O,
// so line breaking can be tested as text without pixels.
package layout
