package assets

import (
	"crypto/sha256"
	"encoding/hex"
	"testing"
)

func TestFontsDigestIsTrue(t *testing.T) {
	h := sha256.New()
	for _, f := range Fonts() {
		h.Write([]byte(f))
	}
	if got := hex.EncodeToString(h.Sum(nil))[:16]; got != FontsDigest {
		t.Errorf("the fonts changed: set FontsDigest to %q", got)
	}
}
