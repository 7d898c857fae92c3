// Package export writes ready-to-upload bundles: per post a folder of
// numbered JPEGs with caption.txt, alt.txt and manifest.json, a
// reproducible zip of it, and one offline index.html for the phone that
// posts them. Every file is written beside its target and renamed into
// place. It never imports preview or cobra.
package export
