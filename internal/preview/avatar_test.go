package preview

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

// The profile picture is the brand kit's logo when pkpm.yaml names one,
// else assets/logo.png; a logo outside the project is never read.
func TestAvatarFollowsTheBrandKit(t *testing.T) {
	// The project sits inside a folder that also holds a real picture, so
	// refusing ../outside.png is refused for being outside, not missing.
	parent := t.TempDir()
	root := filepath.Join(parent, "proyek")
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewRGBA(image.Rect(0, 0, 8, 8))); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"proyek/brand/logo.png", "proyek/assets/logo.png", "outside.png"} {
		p := filepath.Join(parent, f)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if loadAvatar(root, "brand/logo.png") == nil || loadAvatar(root, "") == nil {
		t.Fatal("a logo in the project was not used")
	}
	if loadAvatar(root, "tidak-ada.png") != nil {
		t.Error("a missing brand.logo fell back to something")
	}
	if loadAvatar(root, "../outside.png") != nil {
		t.Error("a logo outside the project was read")
	}
}
