// Package assets holds the files pkpm embeds so it works from any folder:
// fonts and the built-in templates' images.
package assets

import "embed"

// FS holds the embedded assets, rooted at this folder (e.g. "fonts/Inter-Regular.otf").
//
//go:embed fonts/*.otf fonts/*.ttf
var FS embed.FS
