package layout

// tableRows lays a table out as one unit per row: equal columns, cells
// wrapped inside them, a rule under every row (heavier under the header).
func (e *Engine) tableRows(block int, p prepared, size, lh, gap, width float64) []unit {
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
		u := unit{block: block}
		if ri == 0 {
			u.gap = gap
		}
		n := 1
		for ci, cell := range row {
			lines, broken := e.s.breakLines(cell, float32(colW/size))
			u.broken = append(u.broken, brokenIn(broken, p.b.Line)...)
			n = max(n, len(lines))
			x := float64(ci) * (colW + colGap)
			b := Block{Spans: p.b.Table.Rows[ri][ci], Tracking: p.b.Tracking}
			for li, bl := range lines {
				l := e.position(bl, b, size, lh, x, colW)
				l.Block = block
				u.lines = append(u.lines, moveLine(l, 0, pad+float64(li)*lh))
			}
		}
		u.h = float64(n)*lh + 2*pad
		rule := 2.0
		if ri == 0 {
			rule = 4
		}
		u.rects = append(u.rects, Rect{X: 0, Y: u.h - rule, W: width, H: rule, Color: p.b.Table.RuleColor})
		out = append(out, u)
	}
	return out
}
