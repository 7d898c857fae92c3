// Package photo reads the pictures posts and templates use: JPEG, PNG and
// WebP. It refuses an image by its declared size before decoding it,
// turns pixels described by an embedded ICC profile into sRGB, applies the
// EXIF orientation a phone camera records, and scales large photos down
// once, with a proper filter, to a working size the slides can use.
//
// It knows nothing about posts, templates or slides.
package photo
