// Package assets holds the files pkpm embeds so it works from any folder:
// fonts, and the files `pkpm init` writes into a new project.
package assets

import "embed"

// FS holds the embedded assets, rooted at this folder (e.g.
// "fonts/Inter-Regular.otf", "project/pkpm.yaml.tmpl").
//
//go:embed fonts/*.otf fonts/*.ttf project/*
var FS embed.FS
