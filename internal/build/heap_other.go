//go:build !linux

package build

// adviseHugeHeap does nothing: only Linux takes advice on huge pages.
func adviseHugeHeap() []byte { return nil }
