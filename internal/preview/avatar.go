package preview

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"

	"github.com/pkpm-btn3/pkpm/internal/confine"
)

// asset is a file served from memory.
type asset struct {
	data  []byte
	ctype string
	etag  string
}

func newAsset(data []byte, ctype string) *asset {
	sum := sha256.Sum256(data)
	return &asset{data: data, ctype: ctype, etag: hex.EncodeToString(sum[:8])}
}

// maxAvatar bounds the logo read into memory.
const maxAvatar = 4 << 20

// loadAvatar reads the project's logo for the profile picture: the brand
// kit's brand.logo, else assets/logo.{png,jpg,jpeg,webp}. It is nil when
// there is none, when it is not a picture, or when it is a link out of the
// project.
func loadAvatar(root, brandLogo string) *asset {
	names := []string{brandLogo}
	if brandLogo == "" {
		names = []string{"assets/logo.png", "assets/logo.jpg", "assets/logo.jpeg", "assets/logo.webp"}
	}
	for _, name := range names {
		st, err := confine.Stat(root, name)
		if err != nil || !st.Mode().IsRegular() || st.Size() > maxAvatar {
			continue
		}
		data, err := confine.ReadFile(root, name)
		if err != nil {
			continue
		}
		ctype := http.DetectContentType(data)
		if ctype == "image/png" || ctype == "image/jpeg" || ctype == "image/webp" {
			return newAsset(data, ctype)
		}
	}
	return nil
}

// insideReal says whether path, links resolved, is inside root.
func insideReal(root, path string) bool {
	_, err := confine.Stat(root, confine.Rel(root, path))
	return err == nil
}
