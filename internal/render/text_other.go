//go:build !amd64 || purego

package render

import "image/color"

// glyphOverVector leaves every column to glyphOver's Go code.
func glyphOverVector(dst []uint8, dstStride int, mask []uint8, maskStride, w, rows int, c color.RGBA) int {
	return 0
}
