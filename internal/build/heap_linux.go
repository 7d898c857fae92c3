package build

import (
	"os"
	"runtime/debug"
	"strings"
	"syscall"
	"unsafe"
)

// hugeHeapBytes is how much heap the first build of a process asks to
// have backed by 2 MB pages: more than one large post needs (a 10-slide
// build peaks near 20 MB of heap). A bigger project's heap grows past it
// in 4 KB pages.
const hugeHeapBytes = 48 << 20

// adviseHugeHeap asks Linux to back the first hugeHeapBytes of the heap
// with transparent huge pages, and returns the range it advised.
//
// Where huge pages are given only on request ("madvise" in
// /sys/kernel/mm/transparent_hugepage/enabled, most distributions'
// default), the heap gets 4 KB pages: Go's runtime does not ask. Each
// is a page fault the first time it is touched, and a build touches tens
// of megabytes of fresh heap. On the 2-core virtual machines pkpm is
// measured on, a fault costs about 13 µs: 7,000 of them were a third of
// the CPU time of a 10-slide build. With huge pages it takes 2,000. The
// advice costs about 2 ms (the block's mapping and one collection), so
// BoundMemory gives it once, for commands that build.
//
// The runtime maps heap as it grows, and each new mapping starts without
// advice, so the advice must come after the mapping and before the use:
// one large block is allocated (which maps it, untouched) and advised,
// then dropped. The page allocator hands out the lowest free addresses
// first, so once a collection frees the block, the build's objects land
// in it. GODEBUG=disablethp=1, Go's own switch for huge pages, turns it
// off.
func adviseHugeHeap() []byte {
	if strings.Contains(os.Getenv("GODEBUG"), "disablethp=1") {
		return nil
	}
	const huge = 2 << 20
	// No collection may start while the block is alive: one that found
	// it so would keep it until the heap had grown by as much again.
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	block := make([]byte, hugeHeapBytes)
	skip := int(-uintptr(unsafe.Pointer(unsafe.SliceData(block))) % huge)
	advised := block[skip : skip+(len(block)-skip)&^(huge-1)]
	// Advice only: a kernel without huge pages refuses it, and the heap
	// stays as it was.
	_ = syscall.Madvise(advised, syscall.MADV_HUGEPAGE)
	return advised
}
