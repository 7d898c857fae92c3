package hugeheap

import (
	"runtime"
	"sync"
	"syscall"
	"unsafe"
)

// Bytes is how much heap the advice covers: more than one large post
// needs (a 10-slide build peaks near 20 MB of heap). A bigger project's
// heap grows past it in 4 KB pages.
const Bytes = 48 << 20

// hugePage is the size of a transparent huge page on amd64 and arm64.
const hugePage = 2 << 20

var once sync.Once

// atStart records that the advice was given at start-up.
var atStart bool

func init() {
	if Builds(args()) {
		atStart = Advise()
	}
}

// Advise gives the advice unless it was given before in the process, and
// reports whether this call gave it. It ends with a blocking collection,
// which frees the block the advice was given through: allocating the
// block starts a collection of its own, which may find it still in use.
func Advise() (now bool) {
	once.Do(func() {
		if advise() != nil {
			runtime.GC()
			now = true
		}
	})
	return now
}

// advise gives the advice and returns the range it advised.
//
// The runtime maps heap as it grows, and each new mapping starts without
// advice, so the advice must come after the mapping and before the use:
// one large block is allocated (which maps it, untouched) and advised,
// then dropped. The page allocator hands out the lowest free addresses
// first, so once a collection frees the block, new objects land in it.
// GODEBUG=disablethp=1, Go's own switch for huge pages, turns it off.
func advise() []byte {
	if v, _ := syscall.Getenv("GODEBUG"); contains(v, "disablethp=1") {
		return nil
	}
	block := make([]byte, Bytes)
	skip := int(-uintptr(unsafe.Pointer(unsafe.SliceData(block))) % hugePage)
	advised := block[skip : skip+(len(block)-skip)&^(hugePage-1)]
	// Advice only: a kernel without huge pages refuses it, and the heap
	// stays as it was.
	_ = syscall.Madvise(advised, syscall.MADV_HUGEPAGE)
	return advised
}

// args reads the process's arguments from /proc/self/cmdline: package os,
// which holds them, is initialised after this package.
func args() []string {
	fd, err := syscall.Open("/proc/self/cmdline", syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
	if err != nil {
		return nil
	}
	defer syscall.Close(fd)
	var data []byte
	buf := make([]byte, 4096)
	for {
		n, err := syscall.Read(fd, buf)
		if n <= 0 || err != nil {
			break
		}
		data = append(data, buf[:n]...)
	}
	var out []string
	for len(data) > 0 {
		i := 0
		for i < len(data) && data[i] != 0 {
			i++
		}
		out = append(out, string(data[:i]))
		data = data[min(i+1, len(data)):]
	}
	return out
}

// contains reports whether sub is within s (package strings, too, is
// initialised after this one).
func contains(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}
