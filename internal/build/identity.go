package build

import (
	"crypto/sha256"
	"debug/elf"
	"encoding/hex"
	"io"
	"os"
	"sync"

	"github.com/pkpm-btn3/pkpm/internal/render"
)

// The renderer's identity goes into every fingerprint: a slide drawn by
// other code (layout, drawing, encoding, fonts) is drawn again. Besides
// the version the renderer states, the running program stands for it, so
// any change to pkpm's code or embedded fonts makes a new identity. That
// is stricter than needed (a change to the calendar redraws every slide)
// but never stale.

var (
	identityOnce sync.Once
	identity     string
)

// RendererIdentity names the code that draws slides: the renderer's own
// version and font digest, and the Go build ID of the running executable,
// which changes when any of its code or embedded files do (else a hash of
// the whole executable). The build ID catches a change to layout or
// drawing whose author forgot to bump render.Version.
func RendererIdentity() string {
	identityOnce.Do(func() {
		identity = render.Identity() + "; " + executableIdentity()
	})
	return identity
}

func executableIdentity() string {
	exe, err := os.Executable()
	if err != nil {
		return "executable unknown"
	}
	if id := goBuildID(exe); id != "" {
		return "go build ID " + id
	}
	return "executable " + hashFile(exe)
}

// goBuildID reads the Go build ID note of an ELF executable; it is cheap
// next to hashing tens of megabytes.
func goBuildID(exe string) string {
	f, err := elf.Open(exe)
	if err != nil {
		return ""
	}
	defer f.Close()
	s := f.Section(".note.go.buildid")
	if s == nil {
		return ""
	}
	data, err := s.Data()
	if err != nil || len(data) < 16 {
		return ""
	}
	return hex.EncodeToString(data)
}

func hashFile(path string) string {
	f, err := os.Open(path)
	if err != nil {
		return "unknown"
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "unknown"
	}
	return hex.EncodeToString(h.Sum(nil))
}
