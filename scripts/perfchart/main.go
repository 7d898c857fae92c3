// Command perfchart draws the timings scripts/perf-chart.sh measured as a
// line chart: slides against wall time, on a logarithmic time axis so that
// a warm build of a few milliseconds and a Marp run of a minute both show.
//
//	go run ./scripts/perfchart docs/performance.csv docs/performance.png
package main

import (
	"encoding/csv"
	"fmt"
	"image/color"
	"math"
	"os"
	"strconv"

	"github.com/fogleman/gg"
)

// series is one line of the chart.
type series struct {
	name   string
	colour color.RGBA
	points [][2]float64 // slides, seconds
}

const (
	width, height = 1200, 760
	left, right   = 110.0, 250.0 // margins around the plot
	top, bottom   = 70.0, 90.0
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: perfchart TIMINGS.csv OUT.png")
		os.Exit(2)
	}
	lines, err := read(os.Args[1])
	if err == nil {
		err = draw(lines).SavePNG(os.Args[2])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "perfchart:", err)
		os.Exit(1)
	}
}

// read loads the CSV: slides, then one column of seconds per series; an
// empty cell is a size that series was not measured at.
func read(path string) ([]series, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil || len(rows) < 2 {
		return nil, fmt.Errorf("%s: no timings (%v)", path, err)
	}
	out := []series{
		{name: "pkpm, cold", colour: color.RGBA{10, 100, 91, 255}},
		{name: "pkpm, unchanged", colour: color.RGBA{240, 160, 40, 255}},
		{name: "Marp CLI", colour: color.RGBA{120, 120, 130, 255}},
	}
	for _, row := range rows[1:] {
		n, err := strconv.ParseFloat(row[0], 64)
		if err != nil {
			return nil, fmt.Errorf("%s: %q is not a slide count", path, row[0])
		}
		for i := range out {
			if i+1 >= len(row) || row[i+1] == "" {
				continue
			}
			s, err := strconv.ParseFloat(row[i+1], 64)
			if err != nil {
				return nil, fmt.Errorf("%s: %q is not seconds", path, row[i+1])
			}
			out[i].points = append(out[i].points, [2]float64{n, math.Max(s, 0.001)})
		}
	}
	return out, nil
}

// axes are the ranges drawn: slides linear, seconds by decades.
type axes struct {
	maxN           float64
	minLog, maxLog float64
}

func rangeOf(lines []series) axes {
	a := axes{minLog: math.Inf(1), maxLog: math.Inf(-1)}
	for _, s := range lines {
		for _, p := range s.points {
			a.maxN = math.Max(a.maxN, p[0])
			a.minLog = math.Min(a.minLog, math.Floor(math.Log10(p[1])))
			a.maxLog = math.Max(a.maxLog, math.Ceil(math.Log10(p[1])))
		}
	}
	if a.maxLog <= a.minLog {
		a.maxLog = a.minLog + 1
	}
	return a
}

func (a axes) x(n float64) float64 { return left + n/a.maxN*(width-left-right) }
func (a axes) y(s float64) float64 {
	return height - bottom - (math.Log10(s)-a.minLog)/(a.maxLog-a.minLog)*(height-top-bottom)
}

func draw(lines []series) *gg.Context {
	dc := gg.NewContext(width, height)
	dc.SetRGB(1, 1, 1)
	dc.Clear()
	_ = dc.LoadFontFace("assets/fonts/DejaVuSansMono.ttf", 17)
	a := rangeOf(lines)
	grid(dc, a)
	for i, s := range lines {
		if len(s.points) == 0 {
			continue
		}
		dc.SetColor(s.colour)
		dc.SetLineWidth(4)
		for _, p := range s.points {
			dc.LineTo(a.x(p[0]), a.y(p[1]))
		}
		dc.Stroke()
		for _, p := range s.points {
			dc.DrawCircle(a.x(p[0]), a.y(p[1]), 6)
			dc.Fill()
		}
		ly := top + 30 + float64(i)*34
		dc.DrawRectangle(width-right+30, ly-8, 26, 16)
		dc.Fill()
		dc.SetRGB(0.1, 0.1, 0.1)
		dc.DrawString(s.name, width-right+66, ly+6)
	}
	dc.SetRGB(0.1, 0.1, 0.1)
	dc.DrawStringAnchored("pkpm build and Marp CLI: wall time by number of slides", width/2, 36, 0.5, 0.5)
	dc.DrawStringAnchored("slides", (left+width-right)/2, height-30, 0.5, 0.5)
	return dc
}

// grid draws the axes with a line per decade of seconds and per tick of
// slides.
func grid(dc *gg.Context, a axes) {
	dc.SetLineWidth(1)
	for d := a.minLog; d <= a.maxLog; d++ {
		y := a.y(math.Pow(10, d))
		dc.SetRGB(0.88, 0.88, 0.88)
		dc.DrawLine(left, y, width-right, y)
		dc.Stroke()
		dc.SetRGB(0.3, 0.3, 0.3)
		dc.DrawStringAnchored(seconds(math.Pow(10, d)), left-12, y, 1, 0.35)
	}
	step := niceStep(a.maxN)
	for n := 0.0; n <= a.maxN; n += step {
		x := a.x(n)
		dc.SetRGB(0.88, 0.88, 0.88)
		dc.DrawLine(x, top, x, height-bottom)
		dc.Stroke()
		dc.SetRGB(0.3, 0.3, 0.3)
		dc.DrawStringAnchored(strconv.Itoa(int(n)), x, height-bottom+24, 0.5, 0.5)
	}
}

func niceStep(max float64) float64 {
	for _, s := range []float64{1, 2, 5, 10, 20, 25, 50, 100} {
		if max/s <= 10 {
			return s
		}
	}
	return 200
}

func seconds(s float64) string {
	if s < 1 {
		return fmt.Sprintf("%g ms", s*1000)
	}
	return fmt.Sprintf("%g s", s)
}
