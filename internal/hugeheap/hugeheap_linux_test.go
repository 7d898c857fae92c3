package hugeheap

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"unsafe"
)

// TestMain, in a child started by TestAdviceAtStart with a command line
// that builds, reports whether the advice was given at start-up.
func TestMain(m *testing.M) {
	if os.Getenv("HUGEHEAP_CHILD") != "" {
		fmt.Println(atStart)
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// A process whose command builds gets the advice before other packages
// initialise; one whose command does not, and a test, do not.
func TestAdviceAtStart(t *testing.T) {
	if atStart {
		t.Error("the test process, whose command builds nothing, got the advice at start-up")
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"build", "posts/a.md"}, "true"},
		{[]string{"-q", "check"}, "true"},
		{[]string{"version"}, "false"},
	} {
		cmd := exec.Command(os.Args[0], c.args...)
		cmd.Env = append(os.Environ(), "HUGEHEAP_CHILD=1", "GODEBUG=")
		out, err := cmd.Output()
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.TrimSpace(string(out)); got != c.want {
			t.Errorf("pkpm %s: advice at start-up %s, want %s", strings.Join(c.args, " "), got, c.want)
		}
	}
}

// The arguments read at start-up are those os.Args holds.
func TestArgs(t *testing.T) {
	if got := args(); !slices.Equal(got, os.Args) {
		t.Errorf("args() = %q, want %q", got, os.Args)
	}
}

// TestAdvise checks that the advised range lies in the heap and
// that the kernel recorded the advice ("hg" among the mapping's flags).
func TestAdvise(t *testing.T) {
	t.Setenv("GODEBUG", "")
	advised := advise()
	if len(advised) < Bytes-2<<20 {
		t.Fatalf("advised %d bytes, want nearly %d", len(advised), Bytes)
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
}

// GODEBUG=disablethp=1 turns the advice off, alone or among other
// settings.
func TestDisabled(t *testing.T) {
	for v, want := range map[string]bool{"": false, "disablethp=1": true, "gctrace=1,disablethp=1": true, "disablethp=0": false} {
		t.Setenv("GODEBUG", v)
		if got := disabled(); got != want {
			t.Errorf("GODEBUG=%q: disabled() = %v, want %v", v, got, want)
		}
	}
}

// Huge pages are asked for where faults are costly, or where their cost
// is unknown, and not where they are cheap.
func TestWorthIt(t *testing.T) {
	for ns, want := range map[int64]bool{-1: true, 0: false, 1200: false, costlyFault - 1: false, costlyFault: true, 15000: true} {
		if got := worthIt(ns); got != want {
			t.Errorf("worthIt(%d) = %v, want %v", ns, got, want)
		}
	}
}

// The probe measures something a fault can cost: no less than nothing,
// less than a millisecond a page.
func TestFaultCost(t *testing.T) {
	ns := faultCost()
	if ns < 0 || ns >= 1e6 {
		t.Errorf("faultCost() = %d ns a page, want a fault's cost", ns)
	}
	t.Logf("a first touch of a page costs %d ns here; huge pages are asked for from %d", ns, costlyFault)
}

// The median is the middle value, whatever the order and however far
// out the others are.
func TestMedian(t *testing.T) {
	for _, c := range []struct {
		ns   []int64
		want int64
	}{
		{[]int64{5}, 5},
		{[]int64{3, 1, 2}, 2},
		{[]int64{1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 250000, 90000}, 1000},
		{[]int64{15000, 14000, 16000, 2000, 13000}, 14000},
	} {
		if got := median(append([]int64(nil), c.ns...)); got != c.want {
			t.Errorf("median(%v) = %d, want %d", c.ns, got, c.want)
		}
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
