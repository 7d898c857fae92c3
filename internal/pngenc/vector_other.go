//go:build !amd64 || purego

package pngenc

// adlerVector sums nothing where there is no vector code: adlerWords
// does all of b.
func adlerVector(s1, s2 uint64, b []byte) (uint64, uint64, int) { return s1, s2, 0 }

// packRGB leaves every pixel to appendRGB's Go code.
func packRGB(dst, rgba []byte) int { return 0 }

// samePrefix leaves every byte to matchLen's Go code.
func samePrefix(a, b []byte) int { return 0 }
