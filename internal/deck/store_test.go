package deck

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"reflect"
	"testing"

	"github.com/go-text/typesetting/font"

	"github.com/pkpm-btn3/pkpm/internal/config"
	"github.com/pkpm-btn3/pkpm/internal/content"
	"github.com/pkpm-btn3/pkpm/internal/layout"
	"github.com/pkpm-btn3/pkpm/internal/theme"
)

// testRefs name faces through the fonts and images by their place in a
// list, as a build names them by their files' hashes.
func testRefs(t testing.TB, imgs []image.Image) Refs {
	t.Helper()
	f, err := theme.Fonts()
	if err != nil {
		t.Fatal(err)
	}
	clone := f.Clone()
	names := map[string]image.Image{}
	for i, img := range imgs {
		names[string(rune('a'+i))] = img
	}
	return Refs{
		FaceID: f.FaceNumber,
		Face:   clone.FaceOf,
		ImageID: func(img image.Image) (string, bool) {
			for k, v := range names {
				if v == img {
					return k, true
				}
			}
			return "", false
		},
		Image: func(k string) image.Image { return names[k] },
	}
}

// sameSlides compares two decks, faces by their fonts: a loaded deck's
// faces are another clone's.
func sameSlides(t *testing.T, what string, got, want []Slide) {
	t.Helper()
	norm := func(s []Slide) []Slide {
		out := make([]Slide, len(s))
		for i, sl := range s {
			sl.Layers = append([]Layer(nil), sl.Layers...)
			for k := range sl.Layers {
				p := &sl.Layers[k].Text
				p.Lines = append([]layout.Line(nil), p.Lines...)
				for li := range p.Lines {
					runs := append([]layout.Run(nil), p.Lines[li].Runs...)
					for ri := range runs {
						if runs[ri].Face != nil {
							runs[ri].Face = &font.Face{Font: runs[ri].Face.Font}
						}
					}
					p.Lines[li].Runs = runs
				}
			}
			out[i] = sl
		}
		return out
	}
	if g, w := norm(got), norm(want); !reflect.DeepEqual(g, w) {
		for i := range min(len(g), len(w)) {
			if !reflect.DeepEqual(g[i], w[i]) {
				gs, ws := fmt.Sprintf("%+v", g[i]), fmt.Sprintf("%+v", w[i])
				k := 0
				for k < min(len(gs), len(ws)) && gs[k] == ws[k] {
					k++
				}
				t.Fatalf("%s: slide %d differs after storing and loading, from %q against %q", what, i+1, gs[k:min(len(gs), k+80)], ws[k:min(len(ws), k+80)])
			}
		}
		t.Fatalf("%s: %d slides loaded, %d stored", what, len(g), len(w))
	}
}

// Every example post, in every built-in template and size, comes back
// from Store and Load as it was composed: the slides a contact sheet
// draws from a build's folder are those it would have laid out.
func TestStoreLoadExamplePosts(t *testing.T) {
	eng := engine(t)
	posts := examplePosts(t)
	posts["emoji-table-image"] = "---\ntitle: Uji\n---\n\n## Tabel 😷\n\n| a | b |\n|---|---|\n| *x* | `y` |\n\n## Foto\n\nTeks.\n\n![Warga](foto.jpg)\n"
	photo := image.NewRGBA(image.Rect(0, 0, 40, 30))
	logo := image.NewRGBA(image.Rect(0, 0, 16, 16))
	refs := testRefs(t, []image.Image{photo, logo})
	eachTemplate(t, posts, func(tm *theme.Template, name, file string, a *content.Article) {
		for _, size := range []string{"portrait", "square"} {
			in := Input{Article: a, Template: tm, Project: config.Default(), Size: size, Images: map[string]image.Image{"foto.jpg": photo, LogoKey: logo}}
			slides, _ := Compose(in, eng)
			data, err := Store(slides, refs)
			if err != nil {
				t.Fatalf("%s in %s: %v", file, name, err)
			}
			back, err := Load(data, refs)
			if err != nil {
				t.Fatalf("%s in %s: %v", file, name, err)
			}
			sameSlides(t, file+" in "+name+" "+size, back, slides)
			if again, _ := Store(back, refs); !bytes.Equal(again, data) {
				t.Fatalf("%s in %s: stored again, the bytes differ", file, name)
			}
		}
	})
}

// Store keeps every field of every type a slide is made of: setting any
// one of them changes what it writes. A field added to those types and
// not to Store fails here.
func TestStoreKeepsEveryField(t *testing.T) {
	refs := testRefs(t, []image.Image{image.NewRGBA(image.Rect(0, 0, 1, 1))})
	f, _ := theme.Fonts()
	full := func() []Slide {
		return []Slide{{Layers: []Layer{{Shape: &theme.PlacedShape{Path: []theme.PlacedStep{{}}}, Text: layout.Page{
			Lines: []layout.Line{{Runs: []layout.Run{{Face: f.Regular, Glyphs: []layout.Glyph{{}}}}}},
			Rects: []layout.Rect{{}},
		}}}, Warnings: []string{""}}}
	}
	base, err := Store(full(), refs)
	if err != nil {
		t.Fatal(err)
	}
	// Each path leads from a fresh deck to one struct whose fields are
	// set one by one.
	paths := map[string]func(s []Slide) reflect.Value{
		"Slide": func(s []Slide) reflect.Value { return reflect.ValueOf(&s[0]).Elem() },
		"Paint": func(s []Slide) reflect.Value { return reflect.ValueOf(&s[0].Layers[0].Paint).Elem() },
		"Layer": func(s []Slide) reflect.Value { return reflect.ValueOf(&s[0].Layers[0]).Elem() },
		"Page":  func(s []Slide) reflect.Value { return reflect.ValueOf(&s[0].Layers[0].Text).Elem() },
		"Line":  func(s []Slide) reflect.Value { return reflect.ValueOf(&s[0].Layers[0].Text.Lines[0]).Elem() },
		"Run":   func(s []Slide) reflect.Value { return reflect.ValueOf(&s[0].Layers[0].Text.Lines[0].Runs[0]).Elem() },
		"Glyph": func(s []Slide) reflect.Value {
			return reflect.ValueOf(&s[0].Layers[0].Text.Lines[0].Runs[0].Glyphs[0]).Elem()
		},
		"Rect":        func(s []Slide) reflect.Value { return reflect.ValueOf(&s[0].Layers[0].Text.Rects[0]).Elem() },
		"PlacedShape": func(s []Slide) reflect.Value { return reflect.ValueOf(s[0].Layers[0].Shape).Elem() },
		"PlacedStep":  func(s []Slide) reflect.Value { return reflect.ValueOf(&s[0].Layers[0].Shape.Path[0]).Elem() },
	}
	for name, path := range paths {
		typ := path(full()).Type()
		for i := range typ.NumField() {
			field := typ.Field(i)
			s := full()
			v := path(s).Field(i)
			if !setNonZero(v, refs) {
				t.Fatalf("%s.%s: the test cannot set a %s; teach setNonZero", name, field.Name, field.Type)
			}
			got, err := Store(s, refs)
			if err != nil {
				t.Fatalf("%s.%s: %v", name, field.Name, err)
			}
			if bytes.Equal(got, base) {
				t.Errorf("%s.%s is not stored", name, field.Name)
			}
		}
	}
}

// setNonZero sets v to a value other than its zero value that Store can
// write, or reports that it does not know how.
func setNonZero(v reflect.Value, refs Refs) bool {
	switch {
	case v.Type() == reflect.TypeFor[*font.Face]():
		v.Set(reflect.ValueOf(refs.Face(1)))
		return true
	case v.Type() == reflect.TypeFor[image.Image]():
		v.Set(reflect.ValueOf(refs.Image("a")))
		return true
	case v.Type() == reflect.TypeFor[color.RGBA]():
		v.Set(reflect.ValueOf(color.RGBA{1, 2, 3, 4}))
		return true
	}
	switch v.Kind() {
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int64:
		v.SetInt(3)
	case reflect.Uint8, reflect.Uint32:
		v.SetUint(1)
	case reflect.Float64:
		v.SetFloat(1.5)
	case reflect.String:
		v.SetString("x")
	case reflect.Slice:
		if v.Len() > 0 {
			return setNonZero(v.Index(0), refs)
		}
		v.Set(reflect.MakeSlice(v.Type(), 1, 1))
		return setNonZero(v.Index(0), refs)
	case reflect.Struct:
		for i := range v.NumField() {
			if setNonZero(v.Field(i), refs) {
				return true
			}
		}
		return false
	case reflect.Pointer:
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		return setNonZero(v.Elem(), refs)
	default:
		return false
	}
	return true
}

// Broken data is an error, never a panic or a huge allocation, and so
// is a name Refs does not know.
func TestLoadRefusesBrokenData(t *testing.T) {
	refs := testRefs(t, []image.Image{image.NewRGBA(image.Rect(0, 0, 1, 1))})
	slides, _ := compose(t, engine(t), "---\ntitle: Uji\n---\n\n## Satu\n\nTeks 😷.\n", "portrait")
	data, err := Store(slides, refs)
	if err != nil {
		t.Fatal(err)
	}
	for n := range len(data) {
		if _, err := Load(data[:n], refs); err == nil {
			t.Fatalf("the first %d of %d bytes loaded", n, len(data))
		}
	}
	if _, err := Load(append(data, 0), refs); err == nil {
		t.Error("a byte past the end was taken")
	}
	noFaces := refs
	noFaces.Face = func(uint8) *font.Face { return nil }
	if _, err := Load(data, noFaces); err == nil {
		t.Error("a deck whose faces are not at hand loaded")
	}
}

func FuzzLoad(f *testing.F) {
	refs := testRefs(f, []image.Image{image.NewRGBA(image.Rect(0, 0, 1, 1))})
	slides, _ := compose(f, engine(f), "---\ntitle: Uji\n---\n\n## Satu\n\nTeks.\n\n- butir\n", "portrait")
	data, err := Store(slides, refs)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Add([]byte(storeMagic + "\x01"))
	// Any bytes: an error or slides, never a panic; what loads stores
	// again, and that loads as the same slides.
	f.Fuzz(func(t *testing.T, data []byte) {
		slides, err := Load(data, refs)
		if err != nil {
			return
		}
		again, err := Store(slides, refs)
		if err != nil {
			t.Fatalf("loaded, but does not store: %v", err)
		}
		back, err := Load(again, refs)
		if err != nil {
			t.Fatalf("stored again, does not load: %v", err)
		}
		if third, _ := Store(back, refs); !bytes.Equal(third, again) {
			t.Fatal("a second round trip changes the slides")
		}
	})
}
