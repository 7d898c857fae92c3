package preview

import (
	"bufio"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// rawGet sends a request line exactly as written, so no client cleans
// the path first, and returns the status code.
func rawGet(t *testing.T, addr, target, host string) int {
	t.Helper()
	c, err := net.DialTimeout("tcp", addr, 2*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(5 * time.Second))
	if _, err := c.Write([]byte("GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")); err != nil {
		t.Fatal(err)
	}
	res, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		t.Fatalf("%s: %v", target, err)
	}
	res.Body.Close()
	return res.StatusCode
}

func TestTraversalIsNotFound(t *testing.T) {
	outside := t.TempDir()
	writeFile(t, outside, "rahasia.png", "\x89PNG\r\n\x1a\nrahasia")
	writeFile(t, outside, "rahasia.md", "---\ntitle: Rahasia Negara\n---\n\nIsi rahasia.\n")
	root := writeProject(t, testProject())
	// Links out of the project, made before the build reads the project:
	// a logo, and a post folder.
	if err := os.MkdirAll(filepath.Join(root, "assets"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(outside, "rahasia.png"), filepath.Join(root, "assets", "logo.png")); err != nil {
		t.Skipf("no symlinks here: %v", err)
	}
	if err := os.Symlink(outside, filepath.Join(root, "posts", "luar")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(outside, "rahasia.md"), filepath.Join(root, "posts", "rahasia.md")); err != nil {
		t.Fatal(err)
	}
	s := newServer(t, root, nil)
	s.buildAll()
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	addr := strings.TrimPrefix(ts.URL, "http://")
	for _, target := range []string{
		"/../", "/..", "/../pkpm.yaml", "/../../../../etc/passwd",
		"/slides/../pkpm.yaml", "/slides/masker/../../pkpm.yaml", "/slides/masker/..", "/static/../server.go",
		"/%2e%2e/", "/%2E%2E/pkpm.yaml", "/slides/%2e%2e/%2e%2e/pkpm.yaml", "/slides/masker/%2e%2e%2f%2e%2e%2fpkpm.yaml",
		"/..%2f", "/..%2fpkpm.yaml", "/slides/..%2f..%2fpkpm.yaml", "/static/..%2f..%2fgo.mod", "/static/%2e%2e%5cgo.mod",
		"/%252e%252e/pkpm.yaml", "/slides/masker/.%2e/.%2e/pkpm.yaml", "/./", "/static/./app.css",
		"//etc/passwd", "/slides//etc/passwd", "/slides/masker//etc/passwd", "/static//etc/passwd",
		"/static/%2fetc%2fpasswd", "/slides/masker/%2Fetc%2Fpasswd", "/static/C:%5cWindows%5cwin.ini", "/slides/C:/x",
		"/etc/passwd", "/pkpm.yaml", "/posts/masker.md", "/dist/", "/static/", "/static", "/slides/", "/slides/masker/",
		"/slides/luar/rahasia.png", "/posts/luar/rahasia.png", "/avatar", "/slides/rahasia/01.jpg",
		"/static/..\\..\\go.mod", "/post/masker/", "/grid/",
	} {
		if code := rawGet(t, addr, target, addr); code != http.StatusNotFound {
			t.Errorf("GET %s = %d, want 404", target, code)
		}
	}
	// A post linking out of the project is named, not read.
	_, page, _ := get(t, ts.URL+"/post/rahasia")
	if strings.Contains(page, "Rahasia Negara") || !strings.Contains(page, "outside the project") {
		t.Error("the post linking out of the project was read, or its error not shown")
	}
	// The plain paths still work, so the 404s above are not an accident.
	for _, target := range []string{"/", "/post/masker", "/grid", "/static/app.css", "/slides/masker/01.jpg"} {
		if code := rawGet(t, addr, target, addr); code != http.StatusOK {
			t.Errorf("GET %s = %d, want 200", target, code)
		}
	}
}

func TestPlainPath(t *testing.T) {
	for path, ok := range map[string]bool{
		"/": true, "/post/masker": true, "/post/cara masker": true, "/slides/a/01.jpg": true,
		"": false, "*": false, "/..": false, "/a/../b": false, "/a/./b": false, "/a//b": false, "/a/": false,
		"/a\\b": false, "/C:": false, "/a\x00": false, "/a\nb": false,
	} {
		if got := plainPath(path, path); got != ok {
			t.Errorf("plainPath(%q) = %v, want %v", path, got, ok)
		}
	}
	if plainPath("/a.b", "/a%2eb") {
		t.Error("an encoded dot passed")
	}
}

// A web page whose own name points at 127.0.0.1 must not read the preview.
func TestOtherHostNamesAreRefusedOnLoopback(t *testing.T) {
	_, ts := sharedServer(t)
	addr := strings.TrimPrefix(ts.URL, "http://")
	_, port, _ := net.SplitHostPort(addr)
	if code := rawGet(t, addr, "/", "evil.example:"+port); code != http.StatusForbidden {
		t.Errorf("Host evil.example = %d, want 403", code)
	}
	for _, host := range []string{"localhost:" + port, "127.0.0.1:" + port, "localhost"} {
		if code := rawGet(t, addr, "/", host); code != http.StatusOK {
			t.Errorf("Host %s = %d, want 200", host, code)
		}
	}
}

func TestNoDirectoryListings(t *testing.T) {
	s, _ := sharedServer(t)
	for _, p := range []string{"/static/", "/slides/", "/slides/masker/", "/web/", "/post/"} {
		rec := httptest.NewRecorder()
		s.Handler().ServeHTTP(rec, httptest.NewRequest("GET", p, nil))
		if rec.Code != http.StatusNotFound {
			t.Errorf("GET %s = %d, want 404", p, rec.Code)
		}
	}
}
