//go:build !amd64 || purego

package jpegenc

// transform transforms b in place, writes its quantised coefficients to q
// in natural order and returns which are not zero, bit k for the k-th in
// zigzag order.
func transform(b *[64]int32, d *divisors, q *[64]int32) uint64 {
	return transformGo(b, d, q)
}

// loadVector leaves every MCU to load's Go code.
func loadVector(m *mcu, pix []uint8, x0 int, ys *[16]int) bool { return false }

// flatVector leaves every MCU to flat's Go code.
func flatVector(pix []uint8, x0 int, ys *[16]int) (flat, ok bool) { return false, false }
