// Package catalog holds the words of the pages people read: the export
// page (dist/bundles/index.html), the preview's pages and the headers of
// `pkpm report`, one catalogue per language (id.go, en.go). Command-line
// messages are not here: they stay English. It imports no other internal
// package and does no I/O.
package catalog
