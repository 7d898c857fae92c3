package stacksize

import (
	"testing"
	"unsafe"
)

// deep recurses n frames of about 1 KB each.
//
//go:noinline
func deep(n int) int {
	var b [1 << 10]byte
	b[n%len(b)] = byte(n)
	if n == 0 {
		return int(b[0])
	}
	return deep(n-1) + int(b[n%len(b)])
}

// A goroutine that reserved its stack does not grow it for work that fits
// in 32 KB, which a fresh goroutine grows into. A stack grows by moving:
// a local variable's address tells whether it did.
func TestReserveSavesGrowing(t *testing.T) {
	moved := func(reserve bool) bool {
		done := make(chan bool)
		go func() {
			if reserve {
				Reserve()
			}
			var here byte
			before := uintptr(unsafe.Pointer(&here))
			deep(16)
			done <- uintptr(unsafe.Pointer(&here)) != before
		}()
		return <-done
	}
	if moved(true) {
		t.Error("after Reserve, 16 KB of frames moved the stack")
	}
	if !moved(false) {
		t.Error("without Reserve, 16 KB of frames did not move the stack: the test measures nothing")
	}
}
