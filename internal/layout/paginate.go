package layout

// paginate places units top to bottom on as few pages as they need, with
// the page breaks chosen to read well (see breakPages), then adds block
// decorations and aligns each page vertically.
func (e *Engine) paginate(spec Spec, preps []prepared, size float64, us []unit) Result {
	res := Result{Size: size}
	rep := e.repeatUnits(spec, size)
	repH := totalHeight(rep)
	// A break inside a line sets its paragraph again in two parts, which
	// moves the lines after it; the pages are broken again over the new
	// lines, a few times at most, the parts' starts kept.
	parts := map[int][]int{} // block → the words that start a part
	var cs []pageCut
	for round := 0; ; round++ {
		cs = breakPages(spec, us, repH, round < 4)
		split := false
		for _, c := range cs {
			if c.mid {
				u := us[c.start]
				parts[u.block] = append(parts[u.block], u.split)
				split = true
			}
		}
		if !split {
			break
		}
		us = e.splitAt(preps, size, spec.Box.W, us, parts)
	}
	starts := make([]int, len(cs))
	for i, c := range cs {
		starts[i] = c.start
	}
	for p, s := range starts {
		end := len(us)
		if p+1 < len(starts) {
			end = starts[p+1]
		}
		var pu []placedUnit
		y := 0.0
		if p > 0 {
			pu, y = stack(pu, rep, 0)
		}
		for _, u := range us[s:end] {
			for _, w := range u.broken {
				w.Block, w.Page, w.Role = u.block, p, spec.Blocks[u.block].Role
				res.Broken = append(res.Broken, w)
			}
		}
		pu, _ = stack(pu, us[s:end], y)
		res.Pages = append(res.Pages, e.page(spec, size, pu))
	}
	res.Overflow = len(res.Pages) > 1
	return res
}

// stack places units one under the other from y, the gap above the first
// dropped when it starts the page.
func stack(pu []placedUnit, us []unit, y float64) ([]placedUnit, float64) {
	for _, u := range us {
		top := y
		if len(pu) > 0 {
			top += u.gap
		}
		pu = append(pu, placedUnit{u, top})
		y = top + u.h
	}
	return pu, y
}

// repeatUnits lays out the spec's Repeat block at a size, marked with
// Block -1; nothing when there is none.
func (e *Engine) repeatUnits(spec Spec, size float64) []unit {
	if spec.Repeat == nil {
		return nil
	}
	us := e.units(e.prepare([]Block{*spec.Repeat}), size, spec.Box.W, spec.Box.H)
	for i := range us {
		us[i].block, us[i].broken = -1, nil
		lines := append([]Line(nil), us[i].lines...)
		for j := range lines {
			lines[j].Block = -1
		}
		us[i].lines = lines
	}
	return us
}

type placedUnit struct {
	unit
	top float64
}

// page turns placed units into absolute lines and rects.
func (e *Engine) page(spec Spec, base float64, pu []placedUnit) Page {
	box := spec.Box
	var used float64
	if n := len(pu); n > 0 {
		used = pu[n-1].top + pu[n-1].h
	}
	dy := box.Y
	switch spec.VAlign {
	case Middle:
		dy += (box.H - used) / 2
	case Bottom:
		dy += box.H - used
	}
	var p Page
	p.Height = used
	p.Rects = e.decorations(spec, base, pu, dy)
	for _, u := range pu {
		for _, r := range u.rects {
			r.X += box.X
			r.Y += dy + u.top
			p.Rects = append(p.Rects, r)
		}
		for _, l := range u.lines {
			p.Lines = append(p.Lines, moveLine(l, box.X, dy+u.top))
		}
	}
	return p
}
func moveLine(l Line, dx, dy float64) Line {
	l.X += dx
	l.Y += dy
	runs := make([]Run, len(l.Runs))
	for i, r := range l.Runs {
		r.X0 += dx
		r.X1 += dx
		gs := make([]Glyph, len(r.Glyphs))
		for j, g := range r.Glyphs {
			gs[j] = Glyph{ID: g.ID, X: g.X + dx, Y: g.Y + dy}
		}
		r.Glyphs = gs
		runs[i] = r
	}
	l.Runs = runs
	return l
}

// decorations draws quote bars and code boxes around each block's lines
// on this page, so a block split over two pages is decorated on both.
func (e *Engine) decorations(spec Spec, base float64, pu []placedUnit, dy float64) []Rect {
	var out []Rect
	for i := 0; i < len(pu); {
		if pu[i].block < 0 { // a repeated heading: no decoration
			i++
			continue
		}
		// Consecutive blocks with the same decoration share it, so a
		// quote of two paragraphs gets one bar.
		b := spec.Blocks[pu[i].block]
		j := i
		for j < len(pu) && pu[j].block >= 0 && (pu[j].block == pu[i].block || b.Deco != NoDeco && spec.Blocks[pu[j].block].Deco == b.Deco) {
			j++
		}
		top, bottom := pu[i].top+dy, pu[j-1].top+pu[j-1].h+dy
		switch b.Deco {
		case QuoteBar:
			out = append(out, Rect{X: spec.Box.X, Y: top, W: 0.16 * base, H: bottom - top, Radius: 0.08 * base, Color: b.DecoColor})
		case CodeBox:
			pad := 0.25 * base
			out = append(out, Rect{X: spec.Box.X, Y: top - pad, W: spec.Box.W, H: bottom - top + 2*pad, Radius: 0.4 * base, Color: b.DecoColor})
		}
		i = j
	}
	return out
}
