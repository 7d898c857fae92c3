package build

import (
	"image"
	"image/color"
	"reflect"
	"testing"
)

// hashedKinds holds a value of every kind the hasher takes.
type hashedKinds struct {
	On      bool
	Off     bool
	N       int
	U       uint8
	F       float64
	S       string
	Raw     []byte
	List    []string
	Arr     [2]int16
	M       map[string]int
	P       *hashedKinds
	Nil     *hashedKinds
	Img     image.Image
	Any     any
	private int
}

// The hasher's encoding is pinned: a change to it changes every
// fingerprint in every slides.json, and so redraws every slide once,
// which must be meant (and fingerprintVersion changed with it).
func TestHasherEncodingIsStable(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 2, 1))
	img.SetRGBA(1, 0, color.RGBA{1, 2, 3, 4})
	v := hashedKinds{
		On: true, N: -7, U: 200, F: 1.5, S: "Jaga jarak", Raw: []byte{0, 1, 2},
		List: []string{"a", "bc"}, Arr: [2]int16{3, -4}, M: map[string]int{"z": 1, "a": 2},
		P: &hashedKinds{S: "dalam"}, Img: img, Any: 3.25, private: 9,
	}
	h := newHasher(newImageHashes())
	h.value(reflect.ValueOf(v))
	const want = "0dfabf6f4c3ec702cd12376ef890f7a2e0e765bd5628473d4c451d08f8c67950"
	if got := h.sum(); got != want {
		t.Errorf("hash = %s, want %s", got, want)
	}
	// Unexported fields do not count.
	v.private = 10
	h = newHasher(newImageHashes())
	h.value(reflect.ValueOf(v))
	if got := h.sum(); got != want {
		t.Errorf("with another unexported field, hash = %s, want %s", got, want)
	}
}
