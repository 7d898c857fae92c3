package deck

import (
	"sync"
	"sync/atomic"

	"github.com/pkpm-btn3/pkpm/internal/layout"
	"github.com/pkpm-btn3/pkpm/internal/stacksize"
)

// each calls f(cc, i) for every i below n: on c's engine, and at the
// same time on whatever engines the input's helpers lend now. Each
// engine has a composer of its own (a copy of c over that engine); f
// may read c's state but write only what belongs to i. A panic in f is
// raised again in the caller, where the build reports it for the post.
func (c *composer) each(n int, f func(cc *composer, i int)) {
	var next atomic.Int64
	work := func(eng *layout.Engine) {
		cc := *c
		cc.eng = eng
		for {
			i := int(next.Add(1) - 1)
			if i >= n {
				return
			}
			f(&cc, i)
		}
	}
	var wg sync.WaitGroup
	var failed atomic.Value
	for k, helpers := 1, c.in.Helpers; helpers != nil && k < n; k++ {
		eng := helpers.TryGet()
		if eng == nil {
			break
		}
		wg.Go(func() {
			stacksize.Reserve()
			defer helpers.Put(eng)
			defer func() {
				if p := recover(); p != nil {
					failed.CompareAndSwap(nil, panicked{p})
				}
			}()
			work(eng)
		})
	}
	func() {
		defer wg.Wait() // also when f panics here: no helper outlives the call
		work(c.eng)
	}()
	if p, ok := failed.Load().(panicked); ok {
		panic(p.v)
	}
}

// panicked carries a helper's panic value; atomic.Value needs one type.
type panicked struct{ v any }
