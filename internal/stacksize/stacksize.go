// Package stacksize gives goroutines that do deep work (laying text out,
// drawing and encoding slides, parsing fonts) the stack they will need
// when they start, while theirs is still shallow.
//
// A goroutine starts with 8 KB of stack, and Go grows it by copying it
// whole to one twice as large, each frame's pointers adjusted from the
// executable's tables: a copy costs in proportion to how deep the
// goroutine is when it runs out, and the tables it reads are pages a
// short process touches for the first time. Go would start goroutines
// with stacks sized to their past use, but learns that size only when it
// collects garbage, which a small build does not do after start-up. With
// the goroutines that compose, draw, read fonts and compress reserving
// 32 KB as they start, the 10-slide build took 0.975 to 0.994 times as
// long as before (five series of 50 to 100 runs in turn); the 26-slide
// contact sheet did not move past the noise (0.961 and 1.013 times in
// two series of 60 and 50). 64 KB gained nothing more.
package stacksize

// reserve is the stack Reserve leaves room for: with what its caller
// uses, the goroutine's stack grows to 32 KB.
const reserve = 28 << 10

// Reserve grows the calling goroutine's stack to 32 KB, in one copy of
// what little it holds; call it first thing in a goroutine that goes
// deep.
//
//go:noinline
func Reserve() {
	var pad [reserve]byte
	touch(pad[:]) // the frame must be had: pad cannot be optimised away
}

// touch writes one byte of b; not inlined, so that its caller keeps b.
// It writes to b alone: goroutines calling Reserve share nothing.
//
//go:noinline
func touch(b []byte) { b[0] = 1 }
