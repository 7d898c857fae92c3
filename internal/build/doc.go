// Package build runs the post → images pipeline for the CLI, export and
// preview: it finds posts, reads and decodes them and their images, composes
// and renders slides on a worker pool, and writes each post's folder
// atomically. It never imports cobra or net/http.
package build
