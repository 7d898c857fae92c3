//go:build !linux

package hugeheap

// Bytes is how much heap the advice covers where it is given.
const Bytes = 48 << 20

// Advise does nothing: only Linux takes advice on huge pages.
func Advise() bool { return false }
