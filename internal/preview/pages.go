package preview

import (
	"bytes"
	"html/template"
	"net/http"
)

// pages are the parsed page templates, one set per page, each with the
// shared frame.
type pages struct {
	sets map[string]*template.Template
}

func mustParsePages() *pages {
	p := &pages{sets: map[string]*template.Template{}}
	for _, name := range []string{"posts", "post", "grid", "calendar", "notfound"} {
		p.sets[name] = template.Must(template.New(name).ParseFS(web, "web/frame.html", "web/icons.html", "web/"+name+".html"))
	}
	return p
}

// render writes a page, or a plain error when the template fails; a
// page is rendered whole before any of it is sent.
func (p *pages) render(w http.ResponseWriter, status int, name string, data any) {
	var buf bytes.Buffer
	if err := p.sets[name].ExecuteTemplate(&buf, "frame", data); err != nil {
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
		s.pages.render(w, http.StatusOK, "notfound", notFoundView{frame: newFrame(st, "post", "Building"), Message: "This post appears when the first build is done."})
		return
	}
	if p == nil {
		s.notFound(w, st, "No post here", "There is no post with the address “"+r.PathValue("slug")+"”. It may have been renamed or its slug changed.")
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

func (s *Server) notFound(w http.ResponseWriter, st *site, title, msg string) {
	s.pages.render(w, http.StatusNotFound, "notfound", notFoundView{frame: newFrame(st, "notfound", title), Message: msg})
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
