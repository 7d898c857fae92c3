package build

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"testing"
	"unsafe"
)

// TestAdviseHugeHeap checks that the advised range lies in the heap and
// that the kernel recorded the advice ("hg" among the mapping's flags).
func TestAdviseHugeHeap(t *testing.T) {
	t.Setenv("GODEBUG", "")
	advised := adviseHugeHeap()
	if len(advised) < hugeHeapBytes-2<<20 {
		t.Fatalf("advised %d bytes, want nearly %d", len(advised), hugeHeapBytes)
	}
	start := uintptr(unsafe.Pointer(unsafe.SliceData(advised)))
	if start%(2<<20) != 0 || len(advised)%(2<<20) != 0 {
		t.Fatalf("advised range %#x+%d is not in whole huge pages", start, len(advised))
	}
	flags, err := vmFlags(start)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(" "+flags+" ", " hg ") {
		t.Errorf("the heap mapping at %#x has flags %q, without hg", start, flags)
	}

	t.Setenv("GODEBUG", "disablethp=1")
	if got := adviseHugeHeap(); got != nil {
		t.Errorf("with GODEBUG=disablethp=1, advised %d bytes", len(got))
	}
}

// vmFlags returns the VmFlags line of the mapping that holds addr.
func vmFlags(addr uintptr) (string, error) {
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		return "", err
	}
	defer f.Close()
	in := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		var lo, hi uintptr
		if n, _ := fmt.Sscanf(line, "%x-%x ", &lo, &hi); n == 2 {
			in = lo <= addr && addr < hi
			continue
		}
		if in && strings.HasPrefix(line, "VmFlags:") {
			return strings.TrimSpace(strings.TrimPrefix(line, "VmFlags:")), nil
		}
	}
	if err := sc.Err(); err != nil {
		return "", err
	}
	return "", fmt.Errorf("no mapping holds %#x", addr)
}

// The first pace's first goal (Go's heap minimum, 4 MB, times the pace
// over 100) stays under the advised block, so the block is over the goal
// when the advice drops it and the collection that frees it comes at
// once.
func TestFirstGoalUnderTheHugeHeap(t *testing.T) {
	if goal := 4 << 20 * firstPace / 100; goal >= hugeHeapBytes {
		t.Errorf("the first goal is %d bytes at pace %d, not under the %d-byte block", goal, firstPace, hugeHeapBytes)
	}
}
