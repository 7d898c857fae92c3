package photo

import (
	"errors"
	"testing"
)

func TestDecodeNamesFormatsItCannotRead(t *testing.T) {
	for _, c := range []struct{ name, data, want string }{
		{"heic", "\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic", "heic"},
		{"heif by compatible brand", "\x00\x00\x00\x18ftypmif1\x00\x00\x00\x00mif1heix", "heic"},
		{"avif", "\x00\x00\x00\x1cftypavif\x00\x00\x00\x00avifmif1miaf", "avif"},
		{"svg with prolog", "\xef\xbb\xbf<?xml version=\"1.0\"?>\n<!-- x -->\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>", "svg"},
		{"gif", "GIF89a\x01\x00\x01\x00", "gif"},
		{"pdf", "%PDF-1.7\n", "pdf"},
		{"mp4 is not a photo format", "\x00\x00\x00\x18ftypisom\x00\x00\x00\x00isomiso2", ""},
		{"html", "<html><body>svg</body></html>", ""},
		{"text", "hello", ""},
	} {
		_, _, err := Decode([]byte(c.data), 0)
		if !errors.Is(err, ErrFormat) {
			t.Errorf("%s: err = %v, want an ErrFormat", c.name, err)
		}
		var u *UnsupportedError
		got := ""
		if errors.As(err, &u) {
			got = u.Kind
		}
		if got != c.want {
			t.Errorf("%s: kind %q, want %q", c.name, got, c.want)
		}
	}
}
