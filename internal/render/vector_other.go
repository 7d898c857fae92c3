//go:build !amd64 || purego

package render

import "image/color"

// glyphOverVector leaves every column to glyphOver's Go code.
func glyphOverVector(dst []uint8, dstStride int, mask []uint8, maskStride, w, rows int, c color.RGBA) int {
	return 0
}

// linearRowVector leaves every pixel to linearRow's Go code.
func linearRowVector(row []uint8, cols []float64, base float64, words *[2 * gradientSteps]uint32) int {
	return 0
}
