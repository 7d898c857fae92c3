// Package deck composes an article into slides: it splits the article into
// cover, content, image, closing and sources slides, turns Markdown blocks
// into styled layout blocks with a template, fits them with layout
// (continuing onto new slides when text will not fit), and writes each
// slide's alt text from the text it shows.
//
// It is pure: images arrive decoded, and it never imports gg or os.
package deck
