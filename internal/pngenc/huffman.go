package pngenc

import (
	"math/bits"
	"slices"
)

// codeLengths sets lengths[s] to the length of symbol s's code in a
// Huffman code for the frequencies freq, no code longer than limit bits;
// symbols of frequency 0 get 0. When the optimal code is too deep, the
// frequencies are halved (rounding up, so none drops to 0) until it fits:
// not quite optimal, always a valid prefix code. A lone symbol gets a
// 1-bit code, as deflate asks.
//
// The work slices come from scratch and are kept there: a sheet's pieces
// made 2 MB of them, fresh memory each time.
func codeLengths(freq []int32, limit int, lengths []uint8, scratch *huffScratch) {
	clear(lengths)
	syms := scratch.syms[:0]
	for s, f := range freq {
		if f > 0 {
			syms = append(syms, s)
		}
	}
	scratch.syms = syms
	switch len(syms) {
	case 0:
		return
	case 1:
		lengths[syms[0]] = 1
		return
	}
	w := grow(&scratch.w, len(freq))
	for _, s := range syms {
		w[s] = int64(freq[s])
	}
	for {
		if scratch.huffman(syms, w, lengths) <= limit {
			return
		}
		for _, s := range syms {
			w[s] = (w[s] + 1) / 2
		}
	}
}

// huffman sets the code lengths of an optimal prefix code for the
// symbols syms of weights w and returns the longest. Leaves are merged
// in order of weight, ties by symbol, so the code is the same on every
// run.
func (scratch *huffScratch) huffman(syms []int, w []int64, lengths []uint8) int {
	n := len(syms)
	// Sorted as weight and symbol in one number: sort.Slice's calls
	// of a comparison were a quarter of a sheet's Huffman time.
	keys := scratch.keys[:0]
	for _, s := range syms {
		keys = append(keys, uint64(w[s])<<16|uint64(s))
	}
	slices.Sort(keys)
	scratch.keys = keys
	order := scratch.order[:0]
	for _, k := range keys {
		order = append(order, int(k&0xffff))
	}
	scratch.order = order
	// Nodes 0..n-1 are the leaves in that order, n.. the merged ones,
	// made in order of weight: two queues in place of a heap.
	weight := grow(&scratch.weight, 2*n-1)
	parent := grow(&scratch.parent, 2*n-1)
	for i, s := range order {
		weight[i] = w[s]
	}
	leaf, inner := 0, n
	take := func(next int) int {
		if leaf < n && (inner >= next || weight[leaf] <= weight[inner]) {
			leaf++
			return leaf - 1
		}
		inner++
		return inner - 1
	}
	for next := n; next < 2*n-1; next++ {
		a, b := take(next), take(next)
		weight[next] = weight[a] + weight[b]
		parent[a], parent[b] = next, next
	}
	depth := grow(&scratch.depth, 2*n-1)
	longest := 0
	for i := 2*n - 3; i >= 0; i-- {
		depth[i] = depth[parent[i]] + 1
		if i < n {
			lengths[order[i]] = uint8(min(depth[i], 255))
			longest = max(longest, depth[i])
		}
	}
	return longest
}

// huffScratch holds codeLengths' work slices between calls.
type huffScratch struct {
	syms, order   []int
	keys          []uint64
	w, weight     []int64
	parent, depth []int
}

// grow returns (*s)[:n], cleared, making it larger first if need be.
func grow[T int | int64](s *[]T, n int) []T {
	if cap(*s) < n {
		*s = make([]T, n)
	}
	*s = (*s)[:n]
	clear(*s)
	return *s
}

// canonical gives each symbol its code from the code lengths, as RFC
// 1951 section 3.2.2 assigns them, bit-reversed: deflate sends a code's
// first bit first, and put writes the lowest bit first.
func canonical(lengths []uint8, codes []uint16) {
	var count [16]int
	for _, l := range lengths {
		count[l]++
	}
	count[0] = 0
	var next [16]int
	code := 0
	for b := 1; b < 16; b++ {
		code = (code + count[b-1]) << 1
		next[b] = code
	}
	for s, l := range lengths {
		if l > 0 {
			codes[s] = bits.Reverse16(uint16(next[l])) >> (16 - l)
			next[l]++
		}
	}
}
