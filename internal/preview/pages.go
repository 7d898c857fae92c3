package preview

import (
	"bytes"
	"html/template"
	"net/http"

	"github.com/pkpm-btn3/pkpm/internal/catalog"
)

// pages are the parsed page templates: per language, one set per page,
// each with the shared frame, reading that language's catalogue.
type pages struct {
	sets map[string]map[string]*template.Template // language → page → set
}

func mustParsePages() *pages {
	p := &pages{sets: map[string]map[string]*template.Template{}}
	for _, lang := range catalog.Languages() {
		p.sets[lang] = map[string]*template.Template{}
		for _, name := range []string{"posts", "post", "grid", "calendar", "notfound"} {
			t := template.New(name).Funcs(catalog.For(lang).Funcs())
			p.sets[lang][name] = template.Must(t.ParseFS(web, "web/frame.html", "web/icons.html", "web/"+name+".html"))
		}
	}
	return p
}

// render writes a page, or a plain error when the template fails; a
// page is rendered whole before any of it is sent.
func (p *pages) render(w http.ResponseWriter, status int, name string, data interface{ lang() string }) {
	var buf bytes.Buffer
	set := p.sets[catalog.For(data.lang()).Lang][name]
	if err := set.ExecuteTemplate(&buf, "frame", data); err != nil {
		http.Error(w, "cannot show this page: "+err.Error(), http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

func (s *Server) postsPage(w http.ResponseWriter, r *http.Request) {
	s.pages.render(w, http.StatusOK, "posts", newPostsView(s.site.Load()))
}

func (s *Server) postPage(w http.ResponseWriter, r *http.Request) {
	st := s.site.Load()
	p := st.lookup(r.PathValue("slug"))
	if p == nil && st.building {
		// Shown with the building banner; the page reloads when the first
		// build is done.
		f := newFrame(st, "post", "preview.building_title")
		s.pages.render(w, http.StatusOK, "notfound", notFoundView{frame: f, Message: f.words.T("preview.wait_build")})
		return
	}
	if p == nil {
		s.notFound(w, st, r.PathValue("slug"))
		return
	}
	s.pages.render(w, http.StatusOK, "post", newPostView(st, p))
}

func (s *Server) gridPage(w http.ResponseWriter, r *http.Request) {
	s.pages.render(w, http.StatusOK, "grid", newGridView(s.site.Load()))
}

type notFoundView struct {
	frame
	Message string
}

// notFound says there is no post at slug's address.
func (s *Server) notFound(w http.ResponseWriter, st *site, slug string) {
	f := newFrame(st, "notfound", "preview.not_found")
	s.pages.render(w, http.StatusNotFound, "notfound", notFoundView{frame: f, Message: f.words.T("preview.no_post", slug)})
}

// slideFile serves one slide of the last build from memory.
func (s *Server) slideFile(w http.ResponseWriter, r *http.Request) {
	p := s.site.Load().lookup(r.PathValue("slug"))
	if p == nil {
		http.NotFound(w, r)
		return
	}
	name := r.PathValue("name")
	for _, sl := range p.slides {
		if sl.name == name {
			serveAsset(w, r, &asset{data: sl.data, ctype: "image/jpeg", etag: sl.etag})
			return
		}
	}
	http.NotFound(w, r)
}

func (s *Server) avatarFile(w http.ResponseWriter, r *http.Request) {
	a := s.site.Load().avatar
	if a == nil {
		http.NotFound(w, r)
		return
	}
	serveAsset(w, r, a)
}
