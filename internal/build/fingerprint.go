package build

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"hash"
	"image"
	"math"
	"reflect"
	"sort"
	"strings"
	"sync"

	"github.com/go-text/typesetting/font"

	"github.com/pkpm-btn3/pkpm/internal/deck"
	"github.com/pkpm-btn3/pkpm/internal/theme"
)

// A fingerprint is a hash of everything that shapes a slide's pixels. The
// build compares it with the one slides.json recorded to decide whether a
// slide must be drawn again, so leaving an input out of it makes stale
// slides: values are hashed whole, by reflection, so a field added to a
// slide or a template later is covered without anyone remembering to.

// fingerprintVersion changes when what is hashed changes meaning.
const fingerprintVersion = "pkpm-fingerprint-2"

// hasher feeds values into a hash in an unambiguous encoding: every
// string and list carries its length. The encoding is gathered in a
// buffer and handed to the hash a few kilobytes at a time: a slide is
// thousands of small values, and the hash's Write costs more per call
// than the bytes of each.
type hasher struct {
	h    hash.Hash
	imgs *imageHashes
	buf  []byte
}

func newHasher(imgs *imageHashes) *hasher {
	return &hasher{h: sha256.New(), imgs: imgs, buf: make([]byte, 0, hashChunk)}
}

// hashChunk is how much encoding the hasher gathers before writing it.
const hashChunk = 4 << 10

func (h *hasher) sum() string {
	h.flush()
	return hex.EncodeToString(h.h.Sum(nil))
}

func (h *hasher) flush() {
	h.h.Write(h.buf)
	h.buf = h.buf[:0]
}

func (h *hasher) uint(x uint64) {
	if len(h.buf) > hashChunk-8 {
		h.flush()
	}
	h.buf = binary.LittleEndian.AppendUint64(h.buf, x)
}

func (h *hasher) str(s string) {
	h.uint(uint64(len(s)))
	if len(h.buf)+len(s) > hashChunk {
		h.flush()
		if len(s) > hashChunk {
			h.h.Write([]byte(s))
			return
		}
	}
	h.buf = append(h.buf, s...)
}

func (h *hasher) bytes(b []byte) {
	h.uint(uint64(len(b)))
	if len(h.buf)+len(b) > hashChunk {
		h.flush()
		if len(b) > hashChunk {
			h.h.Write(b)
			return
		}
	}
	h.buf = append(h.buf, b...)
}

var (
	faceType  = reflect.TypeFor[*font.Face]()
	imageType = reflect.TypeFor[image.Image]()
)

// typeFacts is what value needs of a type, found once per type: asking
// reflect for them again for every value was most of a slide's hashing.
type typeFacts struct {
	skip   bool   // a font face
	image  bool   // an image, hashed by its pixels
	name   string // a struct's type name
	fields []int  // a struct's exported fields
}

var facts sync.Map // reflect.Type → *typeFacts

func factsOf(t reflect.Type) *typeFacts {
	if f, ok := facts.Load(t); ok {
		return f.(*typeFacts)
	}
	f := &typeFacts{skip: t == faceType, image: t.Implements(imageType) && t.Kind() != reflect.Interface}
	if t.Kind() == reflect.Struct {
		f.name = t.String()
		for i := range t.NumField() {
			if t.Field(i).IsExported() {
				f.fields = append(f.fields, i)
			}
		}
	}
	facts.Store(t, f)
	return f
}

// value hashes any value: exported struct fields in order, slices
// element by element, maps by sorted key. Images are hashed by their
// pixels (once each); font faces are left out, since the style a run
// carries picks its face and the renderer's identity covers the fonts.
func (h *hasher) value(v reflect.Value) {
	t := v.Type()
	f := factsOf(t)
	if f.skip {
		return
	}
	if f.image {
		if v.Kind() == reflect.Pointer && v.IsNil() {
			h.str("nil")
			return
		}
		h.str(h.imgs.of(v.Interface().(image.Image)))
		return
	}
	switch v.Kind() {
	case reflect.Bool:
		var b uint64
		if v.Bool() {
			b = 1
		}
		h.uint(b)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		h.uint(uint64(v.Int()))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		h.uint(v.Uint())
	case reflect.Float32, reflect.Float64:
		h.uint(math.Float64bits(v.Float()))
	case reflect.String:
		h.str(v.String())
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Uint8 {
			h.bytes(v.Bytes())
			return
		}
		h.uint(uint64(v.Len()))
		for i := range v.Len() {
			h.value(v.Index(i))
		}
	case reflect.Map:
		h.mapValue(v)
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			h.str("nil")
			return
		}
		h.str(v.Elem().Type().String())
		h.value(v.Elem())
	case reflect.Struct:
		h.str(f.name)
		for _, i := range f.fields {
			h.value(v.Field(i))
		}
	default:
		panic(fmt.Sprintf("build: cannot fingerprint a %s", t))
	}
}

func (h *hasher) mapValue(v reflect.Value) {
	keys := v.MapKeys()
	sort.Slice(keys, func(i, j int) bool { return fmt.Sprint(keys[i]) < fmt.Sprint(keys[j]) })
	h.uint(uint64(len(keys)))
	for _, k := range keys {
		h.value(k)
		h.value(v.MapIndex(k))
	}
}

// imageHashes remembers the hash of each decoded image, so a photo or a
// template background used on many slides is hashed once. Images read
// from files are registered with their file's hash, which is cheaper than
// their pixels and as exact. A build keeps one for its templates, and
// each post one of its own below it, dropped with the post, so that the
// post's photos are not held until the build ends.
type imageHashes struct {
	mu     sync.Mutex
	m      map[image.Image]string
	parent *imageHashes
}

func newImageHashes() *imageHashes { return &imageHashes{m: map[image.Image]string{}} }

// child is a cache for one post that also finds its parent's images.
func (c *imageHashes) child() *imageHashes {
	return &imageHashes{m: map[image.Image]string{}, parent: c}
}

// known finds an image's hash here or in the parents.
func (c *imageHashes) known(img image.Image) (string, bool) {
	for ; c != nil; c = c.parent {
		c.mu.Lock()
		s, ok := c.m[img]
		c.mu.Unlock()
		if ok {
			return s, true
		}
	}
	return "", false
}

// register records an image's hash as that of the bytes it was decoded
// from.
func (c *imageHashes) register(img image.Image, fileHash string) {
	if !reflect.TypeOf(img).Comparable() {
		return
	}
	c.mu.Lock()
	c.m[img] = "file:" + fileHash
	c.mu.Unlock()
}

// name is an image's registered hash, for a stored deck: only images
// read from a file have one, which byName finds again.
func (c *imageHashes) name(img image.Image) (string, bool) {
	if !reflect.TypeOf(img).Comparable() {
		return "", false
	}
	s, ok := c.known(img)
	return s, ok && strings.HasPrefix(s, "file:")
}

// byName is the image registered here or in the parents under a hash;
// nil when there is none.
func (c *imageHashes) byName(name string) image.Image {
	for ; c != nil; c = c.parent {
		c.mu.Lock()
		for img, s := range c.m {
			if s == name {
				c.mu.Unlock()
				return img
			}
		}
		c.mu.Unlock()
	}
	return nil
}

func (c *imageHashes) of(img image.Image) string {
	comparable := reflect.TypeOf(img).Comparable()
	if comparable {
		if s, ok := c.known(img); ok {
			return s
		}
	}
	s := "pixels:" + pixelHash(img)
	if comparable {
		c.mu.Lock()
		c.m[img] = s
		c.mu.Unlock()
	}
	return s
}

// pixelHash hashes an image's pixels, reading the common in-memory
// layouts directly.
func pixelHash(img image.Image) string {
	h := sha256.New()
	b := img.Bounds()
	fmt.Fprintf(h, "%T %v\n", img, b)
	switch m := img.(type) {
	case *image.RGBA:
		rows(h, m.Pix, m.Stride, b.Dx()*4, b.Dy())
	case *image.NRGBA:
		rows(h, m.Pix, m.Stride, b.Dx()*4, b.Dy())
	case *image.Gray:
		rows(h, m.Pix, m.Stride, b.Dx(), b.Dy())
	case *image.YCbCr:
		fmt.Fprintf(h, "%v\n", m.SubsampleRatio)
		rows(h, m.Y, m.YStride, len(m.Y)/max(b.Dy(), 1), b.Dy())
		h.Write(m.Cb)
		h.Write(m.Cr)
	default:
		var px [16]byte
		for y := b.Min.Y; y < b.Max.Y; y++ {
			for x := b.Min.X; x < b.Max.X; x++ {
				r, g, bl, a := img.At(x, y).RGBA()
				binary.LittleEndian.PutUint32(px[0:], r)
				binary.LittleEndian.PutUint32(px[4:], g)
				binary.LittleEndian.PutUint32(px[8:], bl)
				binary.LittleEndian.PutUint32(px[12:], a)
				h.Write(px[:])
			}
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

// rows writes n rows of width bytes from pix, stride apart.
func rows(h hash.Hash, pix []byte, stride, width, n int) {
	for y := range n {
		start := y * stride
		if start+width > len(pix) {
			h.Write(pix[start:])
			return
		}
		h.Write(pix[start : start+width])
	}
}

// fileHash is the hash of a file's bytes.
func fileHash(data []byte) string {
	s := sha256.Sum256(data)
	return hex.EncodeToString(s[:])
}

// slideFingerprint is the fingerprint of one composed slide: the drawing
// instructions, with every glyph, colour and photo, for this renderer and
// format. The alt text, warnings and source line do not change pixels and
// are left out, so editing them redraws nothing.
func slideFingerprint(renderer, format string, s deck.Slide, imgs *imageHashes) string {
	h := newHasher(imgs)
	h.str(fingerprintVersion)
	h.str(renderer)
	h.str(format)
	s.Alt, s.Warnings, s.Line = "", nil, 0
	h.value(reflect.ValueOf(s))
	return h.sum()
}

// templateHash is the fingerprint of a loaded template: its settings
// after inheritance and, per kind of slide, the look it resolves to,
// background photos included.
func templateHash(t *theme.Template, imgs *imageHashes) string {
	h := newHasher(imgs)
	h.value(reflect.ValueOf(*t))
	for _, k := range theme.Kinds {
		h.str(k)
		h.value(reflect.ValueOf(t.Look(k)))
	}
	return h.sum()
}
