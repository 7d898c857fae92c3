package preview

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/pkpm-btn3/pkpm/assets"
)

//go:embed web
var web embed.FS

// static lists every file under /static/ by name; nothing else is served
// there. The files are compressed and hashed on first use: commands other
// than the preview never need them.
var static = sync.OnceValue(loadStatic)

// assetVersion changes whenever the CSS or script does, so a browser
// never mixes an old script with a new page.
func assetVersion() string {
	return static()["app.css"].etag[:6] + static()["app.js"].etag[:6]
}

func loadStatic() map[string]*asset {
	out := map[string]*asset{}
	for name, ctype := range map[string]string{"app.css": "text/css; charset=utf-8", "app.js": "text/javascript; charset=utf-8"} {
		data, err := web.ReadFile("web/" + name)
		if err != nil {
			panic(err) // embedded at build time: cannot happen in a built binary
		}
		out[name] = newAsset(data, ctype)
	}
	return out
}

// webFont is a font the pages use, served straight from the binary's
// embedded bytes: no copy is made at start-up or per request, which
// matters for the 11 MB emoji font that most pages never ask for.
type webFont struct {
	data  string // embedded, read in place
	ctype string
	etag  func() string
}

func newWebFont(data, ctype string) webFont {
	return webFont{data: data, ctype: ctype, etag: sync.OnceValue(func() string {
		h := sha256.New()
		io.WriteString(h, data)
		return hex.EncodeToString(h.Sum(nil)[:8])
	})}
}

var webFonts = map[string]webFont{
	"inter-regular.otf":    newWebFont(assets.InterRegular, "font/otf"),
	"inter-bold.otf":       newWebFont(assets.InterBold, "font/otf"),
	"noto-color-emoji.ttf": newWebFont(assets.NotoColorEmoji, "font/ttf"),
}

func serveStatic(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	if f, ok := webFonts[name]; ok {
		serveFont(w, r, f)
		return
	}
	a, ok := static()[name]
	if !ok {
		http.NotFound(w, r)
		return
	}
	serveAsset(w, r, a)
}

// serveFont sends a font for a week before the browser asks again; fonts
// change only with pkpm itself, and the ETag answers that question.
func serveFont(w http.ResponseWriter, r *http.Request, f webFont) {
	h := w.Header()
	h.Set("Content-Type", f.ctype)
	h.Set("ETag", `"`+f.etag()+`"`)
	h.Set("Cache-Control", "public, max-age=604800")
	http.ServeContent(w, r, "", time.Time{}, strings.NewReader(f.data))
}

// serveAsset answers with bytes from memory; browsers revalidate with the
// ETag and get 304 when nothing changed.
func serveAsset(w http.ResponseWriter, r *http.Request, a *asset) {
	h := w.Header()
	h.Set("Content-Type", a.ctype)
	h.Set("ETag", `"`+a.etag+`"`)
	h.Set("Cache-Control", "no-cache")
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(a.data))
}
