package render

import (
	"hash/adler32"
	"math/rand/v2"
	"testing"
)

// The sums of two pieces combine into the sum of both, at every split,
// including empty pieces and pieces long enough to wrap the modulus.
func TestAdler32Combine(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	data := make([]byte, 200_000)
	for i := range data {
		data[i] = byte(rng.IntN(256))
	}
	for _, cut := range []int{0, 1, 5552, 65521, 65522, 100_000, len(data)} {
		a, b := data[:cut], data[cut:]
		got := adler32Combine(adler32.Checksum(a), adler32.Checksum(b), len(b))
		if want := adler32.Checksum(data); got != want {
			t.Errorf("cut at %d: combined %08x, want %08x", cut, got, want)
		}
	}
	// All 0xff bytes drive both halves of the sum to their largest.
	ff := make([]byte, 300_000)
	for i := range ff {
		ff[i] = 0xff
	}
	if got, want := adler32Combine(adler32.Checksum(ff[:123_457]), adler32.Checksum(ff[123_457:]), len(ff)-123_457), adler32.Checksum(ff); got != want {
		t.Errorf("0xff bytes: combined %08x, want %08x", got, want)
	}
}
