package preview

import (
	"context"
	"fmt"
	"testing"
	"time"
)

// A burst of 100 changes in a second, received by a slow consumer, makes
// a handful of batches holding every change.
func TestBatchBoundsABurst(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	in := make(chan string)
	out := make(chan []string)
	go batch(ctx, in, out, 50*time.Millisecond, 250*time.Millisecond)
	seen := map[string]bool{}
	batches := 0
	done := make(chan struct{})
	go func() {
		defer close(done)
		for b := range out {
			batches++
			for _, p := range b {
				seen[p] = true
			}
			if len(seen) == 100 {
				return
			}
			time.Sleep(200 * time.Millisecond) // a rebuild
		}
	}()
	for i := range 100 {
		in <- fmt.Sprintf("posts/p%02d.md", i%100)
		time.Sleep(10 * time.Millisecond)
	}
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatalf("only %d of 100 changes arrived", len(seen))
	}
	if batches < 2 || batches > 6 {
		t.Errorf("%d batches for a one-second burst, want 2 to 6", batches)
	}
}

// A single change waits only the quiet time.
func TestBatchSendsASingleChangeQuickly(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	in := make(chan string, 1)
	out := make(chan []string)
	go batch(ctx, in, out, 40*time.Millisecond, time.Second)
	start := time.Now()
	in <- "posts/a.md"
	in <- "posts/a.md"
	select {
	case b := <-out:
		if len(b) != 1 || b[0] != "posts/a.md" {
			t.Errorf("batch = %v", b)
		}
		if d := time.Since(start); d > 500*time.Millisecond {
			t.Errorf("took %v", d)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("no batch")
	}
}
