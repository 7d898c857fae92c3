package cli

import (
	"bytes"
	"context"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pkpm-btn3/pkpm/internal/preview"
)

// syncBuffer is a buffer the server and the test may use at once.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func testGlobals(t *testing.T) (*globals, *syncBuffer, *syncBuffer) {
	t.Helper()
	root := t.TempDir()
	for name, text := range map[string]string{
		"pkpm.yaml":     "handle: \"@pkpm.btn3\"\n",
		"posts/satu.md": "---\ntitle: Satu\ndate: 2020-08-03 19:00\n---\n\nIsi pertama.\n",
	} {
		path := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, errb := &syncBuffer{}, &syncBuffer{}
	s := &Streams{In: strings.NewReader(""), Out: out, Err: errb, Environ: func(string) string { return "" }}
	return &globals{streams: s, project: root}, out, errb
}

func TestPreviewFlags(t *testing.T) {
	g, _, _ := testGlobals(t)
	cases := []struct {
		args      []string
		port      int
		bind      string
		open      bool
		sheet     string
		usageFail bool
	}{
		{args: nil, port: 1414, bind: "127.0.0.1"},
		{args: []string{"--port", "0", "--open"}, port: 0, bind: "127.0.0.1", open: true},
		{args: []string{"--bind", "0.0.0.0", "--port", "8080"}, port: 8080, bind: "0.0.0.0"},
		{args: []string{"--bind", "::"}, port: 1414, bind: "::"},
		{args: []string{"--sheet", "satu"}, port: 1414, bind: "127.0.0.1", sheet: "satu"},
		{args: []string{"--port", "70000"}, usageFail: true},
		{args: []string{"--port", "-1"}, usageFail: true},
		{args: []string{"--bind", "0.0.0.0:80"}, usageFail: true},
		{args: []string{"--bind", ""}, usageFail: true},
		{args: []string{"--sheet", "satu", "--port", "9000"}, usageFail: true},
		{args: []string{"--sheet", "satu", "--open"}, usageFail: true},
		{args: []string{"--sheet", "satu", "--bind", "0.0.0.0"}, usageFail: true},
	}
	for _, c := range cases {
		var got *PreviewOptions
		cmd := newPreviewCmd(g, func(o *PreviewOptions) error { got = o; return nil })
		cmd.SetArgs(c.args)
		cmd.SetOut(&bytes.Buffer{})
		cmd.SetErr(&bytes.Buffer{})
		err := cmd.Execute()
		if c.usageFail {
			if exitCode(err) != ExitUsage {
				t.Errorf("%v: err %v, want a usage error", c.args, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%v: %v", c.args, err)
			continue
		}
		if got.Port != c.port || got.Bind != c.bind || got.Open != c.open || got.Sheet != c.sheet {
			t.Errorf("%v: got port %d bind %q open %v sheet %q", c.args, got.Port, got.Bind, got.Open, got.Sheet)
		}
	}
}

var urlRE = regexp.MustCompile(`^Preview at (http://\S+/)\n`)

// startPreview runs previewRun until the returned stop is called.
func startPreview(t *testing.T, g *globals, out *syncBuffer, opts PreviewOptions) (string, func() error) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	opts.g, opts.ctx = g, ctx
	if opts.openURL == nil {
		opts.openURL = func(string) error { return nil }
	}
	errc := make(chan error, 1)
	go func() { errc <- previewRun(&opts) }()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if m := urlRE.FindStringSubmatch(out.String()); m != nil {
			return m[1], func() error {
				cancel()
				select {
				case err := <-errc:
					return err
				case <-time.After(10 * time.Second):
					t.Fatal("preview did not stop")
					return nil
				}
			}
		}
		select {
		case err := <-errc:
			cancel()
			t.Fatalf("preview ended at start: %v", err)
		case <-time.After(20 * time.Millisecond):
		}
	}
	cancel()
	t.Fatalf("no URL printed; stdout %q", out.String())
	return "", nil
}

func TestPreviewBindsToLoopbackByDefault(t *testing.T) {
	g, out, errb := testGlobals(t)
	var opened string
	url, stop := startPreview(t, g, out, PreviewOptions{Port: 0, Bind: "127.0.0.1", Open: true, openURL: func(u string) error { opened = u; return nil }})
	if !strings.HasPrefix(url, "http://127.0.0.1:") {
		t.Fatalf("URL = %q", url)
	}
	if opened != url {
		t.Errorf("opened %q, want %q", opened, url)
	}
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 200 {
		t.Errorf("GET %s = %d", url, res.StatusCode)
	}
	// Not reachable on the machine's other addresses.
	_, port, _ := net.SplitHostPort(strings.TrimSuffix(strings.TrimPrefix(url, "http://"), "/"))
	if ip := otherAddress(); ip != "" {
		if c, err := net.DialTimeout("tcp", net.JoinHostPort(ip, port), time.Second); err == nil {
			c.Close()
			t.Errorf("the preview answers on %s", ip)
		}
	}
	if strings.Contains(errb.String(), "warning") {
		t.Errorf("a warning on loopback: %s", errb.String())
	}
	if err := stop(); err != nil {
		t.Errorf("stopping: %v", err)
	}
	if !strings.Contains(errb.String(), "preview stopped") {
		t.Errorf("stderr = %q", errb.String())
	}
}

// otherAddress is a non-loopback IPv4 address of this machine, or "".
func otherAddress() string {
	addrs, _ := net.InterfaceAddrs()
	for _, a := range addrs {
		if n, ok := a.(*net.IPNet); ok && n.IP.To4() != nil && !n.IP.IsLoopback() {
			return n.IP.String()
		}
	}
	return ""
}

func TestPreviewBindElsewhereWarns(t *testing.T) {
	g, out, errb := testGlobals(t)
	url, stop := startPreview(t, g, out, PreviewOptions{Port: 0, Bind: "0.0.0.0"})
	if !strings.HasPrefix(url, "http://127.0.0.1:") {
		t.Errorf("URL = %q", url)
	}
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(errb.String(), "warning: the preview is open to other machines") {
		t.Errorf("no warning: %q", errb.String())
	}
}

func TestPreviewPortInUse(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	g, _, _ := testGlobals(t)
	port := ln.Addr().(*net.TCPAddr).Port
	err = previewRun(&PreviewOptions{g: g, Port: port, Bind: "127.0.0.1", ctx: context.Background()})
	if exitCode(err) != ExitFailure || !strings.Contains(err.Error(), "in use") {
		t.Errorf("err = %v", err)
	}
}

func TestPreviewReportsSlidesDrawnAndKept(t *testing.T) {
	g, _, errb := testGlobals(t)
	reportBuild(g, preview.Report{Posts: []string{"posts/satu.md"}, Slides: 8, Drawn: 1, Duration: 45 * time.Millisecond})
	reportBuild(g, preview.Report{Initial: true, Posts: []string{"posts/satu.md", "posts/dua.md"}, Slides: 12, Drawn: 12, Failed: 1, Duration: 2 * time.Second})
	want := "rebuilt posts/satu.md: 1 slide drawn, 7 unchanged, in 45ms\n" +
		"built 2 posts: 12 slides drawn, 0 unchanged, in 2s; 1 failed\n"
	if got := errb.String(); got != want {
		t.Errorf("stderr = %q, want %q", got, want)
	}
}
