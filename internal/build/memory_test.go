package build

import (
	"math"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"testing"
	"time"

	"github.com/pkpm-btn3/pkpm/internal/hugeheap"
)

// gcPercentNow reads the collector's pace without changing it.
func gcPercentNow() int {
	s := []metrics.Sample{{Name: "/gc/gogc:percent"}}
	metrics.Read(s)
	return int(s[0].Value.Uint64())
}

// keepMemorySettings puts back, when the test ends, the pace and limit
// it found, and ends a hold the test took.
func keepMemorySettings(t *testing.T) {
	t.Helper()
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	pace := debug.SetGCPercent(100)
	limit := debug.SetMemoryLimit(math.MaxInt64)
	t.Cleanup(func() {
		holding.Lock()
		restore := holding.restore
		holding.restore = nil
		holding.Unlock()
		if restore != nil {
			restore()
		}
		debug.SetGCPercent(pace)
		debug.SetMemoryLimit(limit)
	})
}

// collectUntil runs collections until the pace is want, for at most d:
// the pace changes on the runtime's cleanup goroutine, after a
// collection.
func collectUntil(want int, d time.Duration) int {
	deadline := time.Now().Add(d)
	for gcPercentNow() != want && time.Now().Before(deadline) {
		runtime.GC()
		time.Sleep(time.Millisecond)
	}
	return gcPercentNow()
}

// A build sets the collector's pace and memory limit and puts them back;
// what the user set in GOGC or GOMEMLIMIT stays.
func TestBoundMemory(t *testing.T) {
	keepMemorySettings(t)
	restore := BoundMemory()
	if got := gcPercentNow(); got != firstPace {
		t.Errorf("during a build GOGC is %d, want %d", got, firstPace)
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

// A build's first collection lowers the pace from firstPace to
// gcPercent; a build that ends before its first collection leaves the
// pace it put back.
func TestPaceLowersAfterTheFirstCollection(t *testing.T) {
	keepMemorySettings(t)
	restore := BoundMemory()
	if got := collectUntil(gcPercent, 5*time.Second); got != gcPercent {
		t.Errorf("after a build's first collections GOGC is %d, want %d", got, gcPercent)
	}
	restore()

	restore = BoundMemory()
	restore()
	if got := collectUntil(gcPercent, 200*time.Millisecond); got != 100 {
		t.Errorf("collections after a build ended set GOGC to %d, want the 100 it put back", got)
	}
}

// A command that holds the bounds keeps them to its end, and builds
// within it leave the settings alone: they neither set them again nor
// put anything back.
func TestHoldMemoryBound(t *testing.T) {
	keepMemorySettings(t)
	HoldMemoryBound()
	if got := gcPercentNow(); got != firstPace {
		t.Errorf("in a held command GOGC is %d, want %d", got, firstPace)
	}
	if got := debug.SetMemoryLimit(-1); got != memoryLimit {
		t.Errorf("in a held command the memory limit is %d, want %d", got, memoryLimit)
	}
	debug.SetGCPercent(123)
	restore := BoundMemory()
	if got := gcPercentNow(); got != 123 {
		t.Errorf("a build in a held command set GOGC to %d", got)
	}
	debug.SetGCPercent(firstPace)
	restore()
	if got := gcPercentNow(); got != firstPace {
		t.Errorf("after a build in a held command GOGC is %d, want %d", got, firstPace)
	}
}

// The first pace's first goal (Go's heap minimum, 4 MB, times the pace
// over 100) stays under hugeheap's block, so the heap does not grow past
// the huge pages before its first collection.
func TestFirstGoalUnderTheHugeHeap(t *testing.T) {
	if goal := 4 << 20 * firstPace / 100; goal >= hugeheap.Bytes {
		t.Errorf("the first goal is %d bytes at pace %d, not under the %d-byte block", goal, firstPace, hugeheap.Bytes)
	}
}
