package preview

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// running is a server serving a project on a loopback port, watching it.
type running struct {
	s      *Server
	root   string
	url    string
	builds chan Report
	stop   func() error
}

func serve(t *testing.T, files map[string]string) *running {
	t.Helper()
	root := writeProject(t, files)
	r := &running{root: root, builds: make(chan Report, 1000)}
	r.s = newServer(t, root, func(rep Report) { r.builds <- rep })
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	r.url = "http://" + ln.Addr().String()
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() { errc <- r.s.Serve(ctx, ln) }()
	var once sync.Once
	var stopErr error
	r.stop = func() error {
		once.Do(func() {
			cancel()
			select {
			case stopErr = <-errc:
			case <-time.After(10 * time.Second):
				stopErr = context.DeadlineExceeded
			}
		})
		return stopErr
	}
	t.Cleanup(func() { r.stop() })
	select {
	case rep := <-r.builds:
		if !rep.Initial {
			t.Fatalf("first report is not the first build: %+v", rep)
		}
	case <-time.After(60 * time.Second):
		t.Fatal("the first build did not finish")
	}
	return r
}

// stream reads server-sent events.
type stream struct {
	res *http.Response
	rd  *bufio.Reader
}

func openStream(t testing.TB, url string) *stream {
	t.Helper()
	res, err := http.Get(url + "/events")
	if err != nil {
		t.Fatal(err)
	}
	if ct := res.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("events Content-Type = %q", ct)
	}
	return &stream{res: res, rd: bufio.NewReader(res.Body)}
}

// next returns the next event's name and data.
func (s *stream) next(t testing.TB, timeout time.Duration) (string, string) {
	t.Helper()
	type ev struct{ name, data string }
	got := make(chan ev, 1)
	go func() {
		var e ev
		for {
			line, err := s.rd.ReadString('\n')
			if err != nil {
				got <- ev{name: "EOF"}
				return
			}
			line = strings.TrimRight(line, "\n")
			switch {
			case strings.HasPrefix(line, "event: "):
				e.name = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				e.data = strings.TrimPrefix(line, "data: ")
			case line == "" && e.name != "":
				got <- e
				return
			}
		}
	}()
	select {
	case e := <-got:
		return e.name, e.data
	case <-time.After(timeout):
		t.Fatalf("no event within %v", timeout)
		return "", ""
	}
}

func TestSaveReloadsOpenPages(t *testing.T) {
	r := serve(t, testProject())
	es := openStream(t, r.url)
	defer es.res.Body.Close()
	if name, data := es.next(t, 2*time.Second); name != "hello" || !strings.Contains(data, `"version":1`) {
		t.Fatalf("first event = %s %s", name, data)
	}
	start := time.Now()
	writeFile(t, r.root, "posts/jarak.md", "---\ntitle: Jaga Jarak Dua Meter\ndate: 2020-09-01 19:00\n---\n\nDua meter.\n")
	name, data := es.next(t, 5*time.Second)
	latency := time.Since(start)
	if name != "reload" || !strings.Contains(data, `"slugs":["jarak"]`) {
		t.Fatalf("after a save: %s %s", name, data)
	}
	t.Logf("save → reload event: %v", latency)
	if latency > 10*time.Second && !raceDetector {
		t.Errorf("reload came %v after the save", latency)
	}
	_, body, _ := get(t, r.url+"/post/jarak")
	if !strings.Contains(body, "Jaga Jarak Dua Meter") {
		t.Error("the post page does not show the saved title")
	}
}

func TestBurstOfSavesMakesFewRebuilds(t *testing.T) {
	r := serve(t, testProject())
	text := testProject()["posts/masker.md"]
	start := time.Now()
	for i := range 100 {
		writeFile(t, r.root, "posts/masker.md", strings.Replace(text, "Cuci tangan dulu.", "Cuci tangan dulu, simpan "+strconv.Itoa(i)+".", 1))
		time.Sleep(10 * time.Millisecond)
	}
	burst := time.Since(start)
	var reports []Report
	deadline := time.After(15 * time.Second)
	for {
		var rep Report
		select {
		case rep = <-r.builds:
		case <-deadline:
			t.Fatalf("the last save was not built; %d rebuilds", len(reports))
		}
		reports = append(reports, rep)
		if p := r.s.site.Load().lookup("masker"); p != nil && len(p.slides) > 2 && strings.Contains(p.slides[2].alt, "simpan 99.") {
			break
		}
	}
	t.Logf("100 saves in %v → %d rebuilds", burst.Round(time.Millisecond), len(reports))
	if len(reports) > 8 {
		t.Errorf("%d rebuilds for 100 saves", len(reports))
	}
	for _, rep := range reports {
		if len(rep.Posts) != 1 || rep.Posts[0] != "posts/masker.md" {
			t.Errorf("a rebuild built %v, want only posts/masker.md", rep.Posts)
		}
	}
}

func TestManyClientsAtOnce(t *testing.T) {
	r := serve(t, testProject())
	const clients = 50
	var failed atomic.Int32
	var wg sync.WaitGroup
	client := &http.Client{Timeout: 20 * time.Second}
	for i := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, p := range []string{"/", "/post/masker", "/grid", "/slides/masker/0" + strconv.Itoa(1+i%5) + ".jpg", "/static/app.css"} {
				res, err := client.Get(r.url + p)
				if err != nil {
					failed.Add(1)
					continue
				}
				io.Copy(io.Discard, res.Body)
				res.Body.Close()
				if res.StatusCode != 200 {
					failed.Add(1)
				}
			}
			// Each page keeps an event stream open.
			res, err := client.Get(r.url + "/events")
			if err != nil {
				failed.Add(1)
				return
			}
			line, _ := bufio.NewReader(res.Body).ReadString('\n')
			res.Body.Close()
			if !strings.HasPrefix(line, "retry:") {
				failed.Add(1)
			}
		}()
	}
	wg.Wait()
	if n := failed.Load(); n > 0 {
		t.Errorf("%d of %d requests failed", n, clients*6)
	}
	// Streams a page closed are let go.
	deadline := time.Now().Add(3 * time.Second)
	for r.s.hub.count() > 0 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if n := r.s.hub.count(); n > 0 {
		t.Errorf("%d event streams still held after their clients left", n)
	}
}

func TestCtrlCEndsOpenStreams(t *testing.T) {
	r := serve(t, testProject())
	var streams []*stream
	for range 5 {
		es := openStream(t, r.url)
		defer es.res.Body.Close()
		es.next(t, 2*time.Second)
		streams = append(streams, es)
	}
	start := time.Now()
	if err := r.stop(); err != nil {
		t.Fatalf("Serve returned %v", err)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("shutting down took %v", d)
	}
	// Each stream ends, perhaps after an event that was on its way.
	for _, es := range streams {
		name := ""
		for range 3 {
			if name, _ = es.next(t, time.Second); name == "EOF" {
				break
			}
		}
		if name != "EOF" {
			t.Errorf("a stream is still open after shutdown")
		}
	}
	if _, err := http.Get(r.url + "/"); err == nil {
		t.Error("the server still answers after shutdown")
	}
}

func TestEventsSkipABuildTheHelloCovered(t *testing.T) {
	s, ts, _ := builtServer(t, testProject())
	es := openStream(t, ts.URL)
	defer es.res.Body.Close()
	name, data := es.next(t, 2*time.Second)
	var hello event
	if name != "hello" || json.Unmarshal([]byte(data), &hello) != nil {
		t.Fatalf("first event = %s %s", name, data)
	}
	// The build the hello already showed, announced late, then a new one.
	s.hub.publish(event{Version: hello.Version, All: true})
	time.Sleep(100 * time.Millisecond)
	s.hub.publish(event{Version: hello.Version + 1, Slugs: []string{"jarak"}})
	name, data = es.next(t, 2*time.Second)
	var got event
	if name != "reload" || json.Unmarshal([]byte(data), &got) != nil || got.Version != hello.Version+1 {
		t.Fatalf("after the hello: %s %s, want the reload of version %d", name, data, hello.Version+1)
	}
}
