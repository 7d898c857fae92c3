package build

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pkpm-btn3/pkpm/internal/config"
	"github.com/pkpm-btn3/pkpm/internal/content"
	"github.com/pkpm-btn3/pkpm/internal/deck"
)

// loadImages reads and decodes every image a post uses, and the brand
// logo under deck.LogoKey, as readPhotos and compose do in a build.
func loadImages(root, postFile string, a *content.Article, p config.Project) (map[string]image.Image, error) {
	files, err := readImages(root, postFile, a)
	if err != nil {
		return nil, err
	}
	logo, err := readBrandLogo(root, p)
	if err != nil {
		return nil, err
	}
	if logo != nil {
		files[deck.LogoKey] = *logo
	}
	return decodeImages(files, a, p, &logoCache{})
}

func chunk(kind string, data []byte) []byte {
	b := binary.BigEndian.AppendUint32(nil, uint32(len(data)))
	b = append(b, kind...)
	b = append(b, data...)
	c := crc32.NewIEEE()
	c.Write([]byte(kind))
	c.Write(data)
	return binary.BigEndian.AppendUint32(b, c.Sum32())
}

// A post's images are read whatever their format and orientation; one
// that declares too many pixels is refused from its header.
func TestLoadImages(t *testing.T) {
	dir := t.TempDir()
	posts := filepath.Join(dir, "posts")
	if err := os.MkdirAll(posts, 0o755); err != nil {
		t.Fatal(err)
	}
	webp, err := os.ReadFile(filepath.Join("testdata", "foto.webp"))
	if err != nil {
		t.Fatal(err)
	}
	// A landscape JPEG stored sideways, with EXIF orientation 6.
	src := image.NewRGBA(image.Rect(0, 0, 64, 32))
	for i := range src.Pix {
		src.Pix[i] = 200
	}
	var jb bytes.Buffer
	if err := jpeg.Encode(&jb, src, nil); err != nil {
		t.Fatal(err)
	}
	tiff := []byte("II*\x00\x08\x00\x00\x00\x01\x00\x12\x01\x03\x00\x01\x00\x00\x00\x06\x00\x00\x00\x00\x00\x00\x00")
	app1 := append([]byte{0xFF, 0xE1, 0, byte(len(tiff) + 8)}, append([]byte("Exif\x00\x00"), tiff...)...)
	jpg := append(append([]byte{0xFF, 0xD8}, app1...), jb.Bytes()[2:]...)
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr, 30000)
	binary.BigEndian.PutUint32(ihdr[4:], 30000)
	ihdr[8], ihdr[9] = 8, 2
	bomb := append([]byte("\x89PNG\r\n\x1a\n"), chunk("IHDR", ihdr)...)
	bomb = append(bomb, chunk("IEND", nil)...)
	for name, data := range map[string][]byte{"foto.webp": webp, "miring.jpg": jpg, "besar.png": bomb} {
		if err := os.WriteFile(filepath.Join(posts, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	parse := func(body string) *content.Article {
		a, err := content.Parse("posts/p.md", []byte("---\ntitle: Foto\n---\n\n"+body), nil)
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	imgs, err := loadImages(dir, "posts/p.md", parse("Pembuka.\n\n---\n\n![Warga](foto.webp)\n\n---\n\n<!-- background: miring.jpg -->\n\nTeks.\n"), config.Default())
	if err != nil {
		t.Fatal(err)
	}
	if b := imgs["foto.webp"].Bounds(); b.Dx() != 48 || b.Dy() != 32 {
		t.Errorf("webp is %v", b)
	}
	if b := imgs["miring.jpg"].Bounds(); b.Dx() != 32 || b.Dy() != 64 {
		t.Errorf("the sideways photo is %v; its EXIF orientation says 32×64", b)
	}
	if c := imgs["foto.webp"].At(2, 2).(color.RGBA); c.R < 200 || c.G > 80 {
		t.Errorf("webp top-left = %v, want red", c)
	}
	_, err = loadImages(dir, "posts/p.md", parse("Pembuka.\n\n---\n\n![Besar](besar.png)\n"), config.Default())
	want := `posts/p.md:9: image "besar.png" is 30000×30000 pixels, over the 50-megapixel limit; resize it to at most 4000 pixels on its long side`
	if err == nil || err.Error() != want {
		t.Errorf("oversized image: got %v, want %s", err, want)
	}
}

// The brand logo is read from the project; a missing or unreadable one
// names pkpm.yaml and its line.
func TestLoadLogo(t *testing.T) {
	dir := t.TempDir()
	logo, _ := os.ReadFile(filepath.Join("testdata", "foto.webp"))
	os.MkdirAll(filepath.Join(dir, "assets"), 0o755)
	os.WriteFile(filepath.Join(dir, "assets", "logo.webp"), logo, 0o644)
	os.WriteFile(filepath.Join(dir, "assets", "rusak.png"), []byte("bukan gambar"), 0o644)
	a, _ := content.Parse("posts/p.md", []byte("---\ntitle: X\n---\n\nTeks.\n"), nil)
	p := config.Default()
	p.Brand.Logo, p.Brand.LogoLine = "assets/logo.webp", 7
	imgs, err := loadImages(dir, "posts/p.md", a, p)
	if err != nil || imgs[deck.LogoKey] == nil {
		t.Fatalf("logo: %v", err)
	}
	for file, want := range map[string]string{
		"assets/tidakada.png": `pkpm.yaml:7: brand.logo "assets/tidakada.png": not found`,
		"assets/rusak.png":    `pkpm.yaml:7: brand.logo "assets/rusak.png": is not a JPEG, PNG or WebP image`,
		"../luar.png":         `pkpm.yaml:7: brand.logo "../luar.png": must be a file inside the project`,
	} {
		p.Brand.Logo = file
		if _, err := loadImages(dir, "posts/p.md", a, p); err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("%s: got %v, want %s…", file, err, want)
		}
	}
}
