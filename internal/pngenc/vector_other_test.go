//go:build !amd64 || purego

package pngenc

// Without vector code there is nothing to turn off.
var useAVX2, hasAVX2 bool
