//go:build !amd64 || purego

package jpegenc

// transform transforms b in place, writes its quantised coefficients
// and their bits as coded to c in natural order, and returns which are
// not zero, bit k for the k-th in zigzag order.
func transform(b *[64]int32, d *divisors, c *coefs) uint64 {
	return transformCoded(b, d, c)
}

// loadVector leaves every MCU to load's Go code.
func loadVector(m *mcu, pix []uint8, x0 int, ys *[16]int) bool { return false }

// flatVector leaves every MCU to flat's Go code.
func flatVector(pix []uint8, x0 int, ys *[16]int) (flat, ok bool) { return false, false }
