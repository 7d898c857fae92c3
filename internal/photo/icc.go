package photo

import (
	"encoding/binary"
	"image"
	"math"
)

// transform maps an RGB colour space described by an ICC matrix/TRC
// profile (the kind cameras and phones embed: Display P3, Adobe RGB,
// sRGB itself) to sRGB: decode each channel through its tone curve, mix
// with a 3×3 matrix through the D50 connection space, encode as sRGB.
type transform struct {
	lin [3][256]float64 // per source channel: code value → linear light
	m   [3][3]float64   // linear source RGB → linear sRGB
}

// srgbColorants are sRGB's red, green and blue in XYZ, adapted to D50, as
// the sRGB ICC profile states them.
var srgbColorants = [3][3]float64{
	{0.4360747, 0.2225045, 0.0139322},
	{0.3850649, 0.7168786, 0.0971045},
	{0.1430804, 0.0606169, 0.7141733},
}

// parseICC reads a matrix/TRC RGB profile. It reports false for other
// profiles (and for damaged ones): the pixels are then taken as sRGB, which
// is what every browser does with an image it cannot manage. It also
// reports false for profiles that are sRGB already, so those cost nothing.
func parseICC(p []byte) (*transform, string, bool) {
	if len(p) < 132 || string(p[16:20]) != "RGB " || string(p[20:24]) != "XYZ " {
		return nil, "", false
	}
	tags := map[string][]byte{}
	n := int(binary.BigEndian.Uint32(p[128:]))
	for i := 0; i < n && 132+i*12+12 <= len(p); i++ {
		e := p[132+i*12:]
		off, size := int(binary.BigEndian.Uint32(e[4:])), int(binary.BigEndian.Uint32(e[8:]))
		if off < 0 || size < 0 || off+size > len(p) || off+size < off {
			return nil, "", false
		}
		tags[string(e[:4])] = p[off : off+size]
	}
	var src [3][3]float64 // columns: the source's red, green, blue in XYZ
	tr := &transform{}
	for c, name := range []string{"r", "g", "b"} {
		xyz, ok := readXYZ(tags[name+"XYZ"])
		if !ok {
			return nil, "", false
		}
		src[c] = xyz
		curve, ok := readCurve(tags[name+"TRC"])
		if !ok {
			return nil, "", false
		}
		for v := range 256 {
			tr.lin[c][v] = curve(float64(v) / 255)
		}
	}
	inv, ok := invert(columns(srgbColorants))
	if !ok {
		return nil, "", false
	}
	tr.m = mul(inv, columns(src))
	if tr.isSRGB() {
		return nil, "", false
	}
	return tr, "embedded ICC profile", true
}

// isSRGB reports whether the transform changes no colour visibly.
func (t *transform) isSRGB() bool {
	for i := range 3 {
		for j := range 3 {
			want := 0.0
			if i == j {
				want = 1
			}
			if math.Abs(t.m[i][j]-want) > 0.01 {
				return false
			}
		}
		for v := range 256 {
			if math.Abs(t.lin[i][v]-srgbToLinear(float64(v)/255)) > 1.0/255 {
				return false
			}
		}
	}
	return true
}

func (t *transform) apply(img *image.RGBA) {
	var enc [4096]uint8
	for i := range enc {
		enc[i] = uint8(math.Round(linearToSRGB(float64(i)/4095) * 255))
	}
	code := func(v float64) uint8 {
		return enc[int(math.Round(math.Min(1, math.Max(0, v))*4095))]
	}
	px := img.Pix
	for i := 0; i+3 < len(px); i += 4 {
		a := px[i+3]
		if a == 0 {
			continue
		}
		var rgb [3]uint8
		for c := range 3 {
			v := px[i+c]
			if a != 255 {
				v = uint8(min(255, (uint32(v)*255+uint32(a)/2)/uint32(a)))
			}
			rgb[c] = v
		}
		r, g, b := t.lin[0][rgb[0]], t.lin[1][rgb[1]], t.lin[2][rgb[2]]
		for c := range 3 {
			out := code(t.m[c][0]*r + t.m[c][1]*g + t.m[c][2]*b)
			if a != 255 {
				out = uint8((uint32(out)*uint32(a) + 127) / 255)
			}
			px[i+c] = out
		}
	}
}

func readXYZ(b []byte) ([3]float64, bool) {
	if len(b) < 20 || string(b[:4]) != "XYZ " {
		return [3]float64{}, false
	}
	return [3]float64{s15(b[8:]), s15(b[12:]), s15(b[16:])}, true
}

// readCurve reads a 'curv' or 'para' tone curve.
func readCurve(b []byte) (func(float64) float64, bool) {
	if len(b) < 12 {
		return nil, false
	}
	switch string(b[:4]) {
	case "curv":
		n := int(binary.BigEndian.Uint32(b[8:]))
		switch {
		case n == 0:
			return func(x float64) float64 { return x }, true
		case n == 1 && len(b) >= 14:
			g := float64(binary.BigEndian.Uint16(b[12:])) / 256
			return func(x float64) float64 { return math.Pow(x, g) }, true
		case n > 1 && len(b) >= 12+2*n:
			table := make([]float64, n)
			for i := range table {
				table[i] = float64(binary.BigEndian.Uint16(b[12+2*i:])) / 65535
			}
			return func(x float64) float64 {
				f := x * float64(n-1)
				i := min(int(f), n-2)
				return table[i] + (table[i+1]-table[i])*(f-float64(i))
			}, true
		}
	case "para":
		kind := binary.BigEndian.Uint16(b[8:])
		count := [...]int{1, 3, 4, 5, 7}
		if int(kind) >= len(count) || len(b) < 12+4*count[kind] {
			return nil, false
		}
		var p [7]float64
		for i := 0; i < count[kind]; i++ {
			p[i] = s15(b[12+4*i:])
		}
		return parametric(kind, p), true
	}
	return nil, false
}

// parametric is ICC's parametric curve of a kind with parameters
// g, a, b, c, d, e, f.
func parametric(kind uint16, p [7]float64) func(float64) float64 {
	g, a, b, c, d, e, f := p[0], p[1], p[2], p[3], p[4], p[5], p[6]
	pow := func(x float64) float64 { return math.Pow(math.Max(0, x), g) }
	switch kind {
	case 1:
		return func(x float64) float64 {
			if x >= -b/a {
				return pow(a*x + b)
			}
			return 0
		}
	case 2:
		return func(x float64) float64 {
			if x >= -b/a {
				return pow(a*x+b) + c
			}
			return c
		}
	case 3:
		return func(x float64) float64 {
			if x >= d {
				return pow(a*x + b)
			}
			return c * x
		}
	case 4:
		return func(x float64) float64 {
			if x >= d {
				return pow(a*x+b) + e
			}
			return c*x + f
		}
	}
	return func(x float64) float64 { return pow(x) }
}

func s15(b []byte) float64 { return float64(int32(binary.BigEndian.Uint32(b))) / 65536 }

func srgbToLinear(v float64) float64 {
	if v <= 0.04045 {
		return v / 12.92
	}
	return math.Pow((v+0.055)/1.055, 2.4)
}

func linearToSRGB(v float64) float64 {
	if v <= 0.0031308 {
		return v * 12.92
	}
	return 1.055*math.Pow(v, 1/2.4) - 0.055
}

// columns turns three colorant vectors into a matrix with them as columns.
func columns(v [3][3]float64) [3][3]float64 {
	var m [3][3]float64
	for i := range 3 {
		for j := range 3 {
			m[i][j] = v[j][i]
		}
	}
	return m
}

func mul(a, b [3][3]float64) [3][3]float64 {
	var m [3][3]float64
	for i := range 3 {
		for j := range 3 {
			for k := range 3 {
				m[i][j] += a[i][k] * b[k][j]
			}
		}
	}
	return m
}

func invert(m [3][3]float64) ([3][3]float64, bool) {
	det := m[0][0]*(m[1][1]*m[2][2]-m[1][2]*m[2][1]) -
		m[0][1]*(m[1][0]*m[2][2]-m[1][2]*m[2][0]) +
		m[0][2]*(m[1][0]*m[2][1]-m[1][1]*m[2][0])
	if math.Abs(det) < 1e-12 {
		return m, false
	}
	var r [3][3]float64
	r[0][0] = (m[1][1]*m[2][2] - m[1][2]*m[2][1]) / det
	r[0][1] = (m[0][2]*m[2][1] - m[0][1]*m[2][2]) / det
	r[0][2] = (m[0][1]*m[1][2] - m[0][2]*m[1][1]) / det
	r[1][0] = (m[1][2]*m[2][0] - m[1][0]*m[2][2]) / det
	r[1][1] = (m[0][0]*m[2][2] - m[0][2]*m[2][0]) / det
	r[1][2] = (m[0][2]*m[1][0] - m[0][0]*m[1][2]) / det
	r[2][0] = (m[1][0]*m[2][1] - m[1][1]*m[2][0]) / det
	r[2][1] = (m[0][1]*m[2][0] - m[0][0]*m[2][1]) / det
	r[2][2] = (m[0][0]*m[1][1] - m[0][1]*m[1][0]) / det
	return r, true
}
