package preview

import (
	"bytes"
	"embed"
	"net/http"
	"time"

	"github.com/pkpm-btn3/pkpm/assets"
)

//go:embed web
var web embed.FS

// static lists every file under /static/ by name; nothing else is served
// there.
var static = loadStatic()

// assetVersion changes whenever the CSS or script does, so a browser
// never mixes an old script with a new page.
var assetVersion = static["app.css"].etag[:6] + static["app.js"].etag[:6]

func loadStatic() map[string]*asset {
	out := map[string]*asset{}
	for name, ctype := range map[string]string{"app.css": "text/css; charset=utf-8", "app.js": "text/javascript; charset=utf-8"} {
		data, err := web.ReadFile("web/" + name)
		if err != nil {
			panic(err) // embedded at build time: cannot happen in a built binary
		}
		out[name] = newAsset(data, ctype)
	}
	for name, data := range map[string]string{"inter-regular.otf": assets.InterRegular, "inter-bold.otf": assets.InterBold} {
		out[name] = newAsset([]byte(data), "font/otf")
	}
	return out
}

func serveStatic(w http.ResponseWriter, r *http.Request) {
	a, ok := static[r.PathValue("name")]
	if !ok {
		http.NotFound(w, r)
		return
	}
	serveAsset(w, r, a)
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
