// Package assets holds the files pkpm embeds so it works from any folder:
// fonts, and the files `pkpm init` writes into a new project.
package assets

import "embed"

// FS holds the files `pkpm init` writes, rooted at this folder (e.g.
// "project/pkpm.yaml.tmpl").
//
//go:embed project/*
var FS embed.FS

// The fonts, each embedded as a string: the binary's read-only data, read
// in place. (embed.FS.ReadFile would copy each file, 11 MB for the emoji
// font, on every start.)
var (
	//go:embed fonts/Inter-Regular.otf
	InterRegular string
	//go:embed fonts/Inter-Bold.otf
	InterBold string
	//go:embed fonts/Inter-Italic.otf
	InterItalic string
	//go:embed fonts/Inter-BoldItalic.otf
	InterBoldItalic string
	//go:embed fonts/InterDisplay-ExtraBold.otf
	InterDisplayExtraBold string
	//go:embed fonts/DejaVuSansMono.ttf
	DejaVuSansMono string
	//go:embed fonts/NotoColorEmoji.ttf
	NotoColorEmoji string
)

// FontsDigest is the start of the SHA-256 of the fonts above, in the
// order they are listed: part of what identifies the renderer's output,
// so changing a font redraws every slide. It is a constant, so no start
// hashes 12 MB; a test keeps it true.
const FontsDigest = "9f08cadab3124598"

// Fonts lists the embedded fonts in the order FontsDigest hashes them.
func Fonts() []string {
	return []string{InterRegular, InterBold, InterItalic, InterBoldItalic, InterDisplayExtraBold, DejaVuSansMono, NotoColorEmoji}
}
