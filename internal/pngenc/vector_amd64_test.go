//go:build amd64 && !purego

package pngenc

// hasAVX2 is what useAVX2 starts as, for tests that turn it off.
var hasAVX2 = useAVX2
