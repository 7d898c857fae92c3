package layout

// Pool lends engines to goroutines that lay text out at the same time:
// an engine is not safe for concurrent use, and each keeps caches of its
// own, which stay warm from one loan to the next.
type Pool struct {
	free  chan *Engine // nil: not made yet
	fonts func() (*Fonts, error)
}

// NewPool makes a pool of n engines, each made on first use with faces
// of its own over the fonts, so a command that fails before laying
// anything out never loads them.
func NewPool(n int, fonts func() (*Fonts, error)) *Pool {
	p := &Pool{free: make(chan *Engine, n), fonts: fonts}
	for range n {
		p.free <- nil
	}
	return p
}

// Get waits for an engine. Give it back with Put.
func (p *Pool) Get() (*Engine, error) { return p.made(<-p.free) }

// TryGet returns an engine when one is free now, else nil.
func (p *Pool) TryGet() *Engine {
	select {
	case e := <-p.free:
		e, err := p.made(e)
		if err != nil {
			return nil
		}
		return e
	default:
		return nil
	}
}

// Put gives an engine back.
func (p *Pool) Put(e *Engine) { p.free <- e }

// made makes a taken engine that was not made yet; on failure its place
// goes back to the pool.
func (p *Pool) made(e *Engine) (*Engine, error) {
	if e != nil {
		return e, nil
	}
	f, err := p.fonts()
	if err != nil {
		p.free <- nil
		return nil, err
	}
	return New(f.Clone()), nil
}
