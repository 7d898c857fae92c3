// Package content owns reading one post file: splitting off the front
// matter, decoding it strictly (every problem names its line and the fix),
// and walking the goldmark syntax tree of the body into an Article of
// sections and styled blocks.
//
// It is pure: bytes in, values out. It knows nothing about templates,
// slides or pixels, and must not import gg, os or net/http; the caller
// reads the file and passes the project timezone.
package content
