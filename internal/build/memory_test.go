package build

import (
	"math"
	"runtime/debug"
	"testing"
)

// gcPercentNow reads the collector's pace without changing it.
func gcPercentNow() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
}

// A build sets the collector's pace and memory limit and puts them back;
// what the user set in GOGC or GOMEMLIMIT stays.
func TestBoundMemory(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))

	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	restore := BoundMemory()
	if got := gcPercentNow(); got != gcPercent {
		t.Errorf("during a build GOGC is %d, want %d", got, gcPercent)
	}
	if got := debug.SetMemoryLimit(-1); got != memoryLimit {
		t.Errorf("during a build the memory limit is %d, want %d", got, memoryLimit)
	}
	restore()
	if got := gcPercentNow(); got != 100 {
		t.Errorf("after a build GOGC is %d, want 100 back", got)
	}
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("after a build the memory limit is %d, want none", got)
	}

	t.Setenv("GOGC", "50")
	t.Setenv("GOMEMLIMIT", "1GiB")
	debug.SetGCPercent(50)
	restore = BoundMemory()
	if got := gcPercentNow(); got != 50 {
		t.Errorf("with GOGC=50 a build sets GOGC %d", got)
	}
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("with GOMEMLIMIT set a build sets the limit to %d", got)
	}
	restore()
}
