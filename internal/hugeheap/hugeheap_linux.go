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

// costlyFault is the median time of a first touch of a 4 KB page, in
// nanoseconds, from which huge pages pay. Machines differ by more than
// ten times, and which pages are cheaper turns on it:
//   - where a fault costs 13 to 20 µs (virtual machines under PVM), a
//     10-slide build spent a third of its CPU time in 7,000 faults, and
//     huge pages took 0.90× the time of 4 KB ones;
//   - where it costs about 1.2 µs (under KVM), 4 KB pages are cheap, and
//     huge pages cost more than they save: they come from the free 2 MB
//     blocks the guest reports to its host, which takes them back, so
//     each of a build's first touches of a huge page waits for the host
//     to back 2 MB again. A cold 10-slide build run 2 s after the one
//     before took 80 ms with huge pages against 63 ms without, and 242
//     against 199 ms for 50 slides (15 and 8 runs in turn); back to back
//     the two were level.
//
// The threshold sits between the two, at about four times the cheap
// cost.
const costlyFault = 5000

// probePages is how many pages faultCost touches: enough that an
// interruption during one or two of them does not move the median, few
// enough that the probe is cheap where faults are not (20 µs in all).
const probePages = 16

var once sync.Once

// atStart records that whether to give the advice was settled at
// start-up.
var atStart bool

func init() {
	if Builds(args()) {
		Advise()
		atStart = true
	}
}

// Advise gives the advice, where huge pages pay, unless whether to give
// it was settled before in the process, and reports whether this call
// gave it. It ends with a blocking collection, which frees the block the
// advice was given through: allocating the block starts a collection of
// its own, which may find it still in use.
func Advise() (now bool) {
	once.Do(func() {
		if disabled() || !worthIt(faultCost()) {
			return
		}
		advise()
		runtime.GC()
		now = true
	})
	return now
}

// disabled reports whether GODEBUG=disablethp=1, Go's own switch for huge
// pages, turns them off.
func disabled() bool {
	v, _ := syscall.Getenv("GODEBUG")
	return contains(v, "disablethp=1")
}

// worthIt tells whether huge pages pay on a machine whose faults cost
// ns nanoseconds each (negative: unknown, where they are given as
// before the cost was measured).
func worthIt(ns int64) bool {
	return ns < 0 || ns >= costlyFault
}

// faultCost returns the median time, in nanoseconds, of the first touch
// of each page of a fresh mapping, or -1 if it cannot tell. Each touch is
// timed with the microsecond clock, which tells 1.2 µs from 13 µs; the
// median leaves out the first page's, which also maps a page table, and
// any that an interruption lengthened. The mapping asks for 4 KB pages,
// in case huge ones are given unasked.
func faultCost() int64 {
	m, err := syscall.Mmap(-1, 0, probePages*4096, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_PRIVATE|syscall.MAP_ANON)
	if err != nil {
		return -1
	}
	defer syscall.Munmap(m)
	_ = syscall.Madvise(m, syscall.MADV_NOHUGEPAGE)
	var took [probePages]int64
	for i := range took {
		var t0, t1 syscall.Timeval
		if syscall.Gettimeofday(&t0) != nil {
			return -1
		}
		m[i*4096] = 1
		if syscall.Gettimeofday(&t1) != nil {
			return -1
		}
		took[i] = t1.Nano() - t0.Nano()
	}
	return median(took[:])
}

// median sorts ns and returns its middle value (package sort, too, is
// initialised after this one).
func median(ns []int64) int64 {
	for i := 1; i < len(ns); i++ {
		for j := i; j > 0 && ns[j] < ns[j-1]; j-- {
			ns[j], ns[j-1] = ns[j-1], ns[j]
		}
	}
	return ns[len(ns)/2]
}

// advise gives the advice and returns the range it advised.
//
// The runtime maps heap as it grows, and each new mapping starts without
// advice, so the advice must come after the mapping and before the use:
// one large block is allocated (which maps it, untouched) and advised,
// then dropped. The page allocator hands out the lowest free addresses
// first, so once a collection frees the block, new objects land in it.
func advise() []byte {
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
