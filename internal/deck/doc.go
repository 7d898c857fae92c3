// Package deck composes an article into slides: it picks each section's
// kind (content, list, quote, image, stat; or the one a <!-- layout: -->
// comment forces), adds the cover, closing and sources slides, turns
// Markdown blocks into styled layout blocks with a template's look for that
// kind, fits them with layout (continuing onto new slides when text will
// not fit), adds the header and footer, measures the photos under text to
// set the veils that keep it readable, and writes each slide's alt text
// from the text it shows.
//
// It is pure: images arrive decoded, and it never imports gg or os.
package deck
