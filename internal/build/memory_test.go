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

// A command that holds the bounds keeps them to its end, and builds
// within it leave the settings alone: they neither set them again nor
// put anything back.
func TestHoldMemoryBound(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	defer held.Store(false)

	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	HoldMemoryBound()
	if got := gcPercentNow(); got != gcPercent {
		t.Errorf("in a held command GOGC is %d, want %d", got, gcPercent)
	}
	if got := debug.SetMemoryLimit(-1); got != memoryLimit {
		t.Errorf("in a held command the memory limit is %d, want %d", got, memoryLimit)
	}
	debug.SetGCPercent(123)
	restore := BoundMemory()
	if got := gcPercentNow(); got != 123 {
		t.Errorf("a build in a held command set GOGC to %d", got)
	}
	debug.SetGCPercent(gcPercent)
	restore()
	if got := gcPercentNow(); got != gcPercent {
		t.Errorf("after a build in a held command GOGC is %d, want %d", got, gcPercent)
	}
}
