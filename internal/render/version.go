package render

import "github.com/pkpm-btn3/pkpm/assets"

// Version names how this renderer draws. Bump it in any change that
// alters the pixels drawn for the same slide, so builds redraw what they
// had kept.
const Version = "6"

// Identity is what a build's fingerprint includes for the renderer: its
// Version and the digest of the embedded fonts. It costs nothing to call.
func Identity() string { return "render " + Version + ", fonts " + assets.FontsDigest }
