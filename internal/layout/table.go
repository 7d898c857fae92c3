package layout

// tableRows lays a table out as one unit per row: equal columns, cells
// wrapped inside them, a rule under every row (heavier under the header).
func (e *Engine) tableRows(block int, p prepared, size, lh, gap, width, maxH float64) []unit {
	rows := p.cells
	cols := 0
	for _, r := range rows {
		cols = max(cols, len(r))
	}
	if cols == 0 {
		return nil
	}
	colGap := 0.6 * size
	colW := (width - colGap*float64(cols-1)) / float64(cols)
	pad := 0.3 * size
	var out []unit
	for ri, row := range rows {
		var lines []Line
		var index []int // each line's line number within its cell
		var broken []Broken
		n := 1
		for ci, cell := range row {
			bls, _ := e.s.breakLines(cell, float32(colW/size))
			for _, bl := range bls {
				broken = append(broken, brokenIn(bl.divided, p.b.Line)...)
			}
			n = max(n, len(bls))
			x := float64(ci) * (colW + colGap)
			b := Block{Spans: p.b.Table.Rows[ri][ci], Tracking: p.b.Tracking, Role: p.b.Role}
			for li, bl := range bls {
				l := e.position(bl, b, size, lh, x, colW)
				l.Block = block
				lines = append(lines, l)
				index = append(index, li)
			}
		}
		rule := 2.0
		if ri == 0 {
			rule = 4
		}
		// A row taller than the box is cut into bands of whole lines, so
		// no text is ever drawn past the box's bottom.
		per := max(1, int((maxH-2*pad)/lh))
		for start := 0; start < n; start += per {
			end := min(n, start+per)
			u := unit{block: block, h: float64(end-start)*lh + 2*pad}
			if ri == 0 && start == 0 {
				u.gap, u.broken = gap, broken
			} else if start == 0 {
				u.broken = broken
			}
			for i, l := range lines {
				if index[i] >= start && index[i] < end {
					u.lines = append(u.lines, moveLine(l, 0, pad+float64(index[i]-start)*lh))
				}
			}
			if end == n {
				u.rects = append(u.rects, Rect{X: 0, Y: u.h - rule, W: width, H: rule, Color: p.b.Table.RuleColor})
			}
			out = append(out, u)
		}
	}
	return out
}
