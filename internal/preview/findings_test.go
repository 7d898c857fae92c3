package preview

import (
	"strings"
	"testing"
)

// A post whose text fits only at the smallest size and continues onto a
// second slide: the post page lists both findings, each linked to its
// slide.
func TestPostPageShowsContinuationAndMinSize(t *testing.T) {
	words := strings.Fields("masker melindungi kita dan keluarga dari percikan saat berbicara batuk atau bersin di tempat umum")
	var body []string
	for i := range 175 {
		body = append(body, words[i%len(words)])
	}
	files := testProject()
	files["posts/panjang.md"] = "---\ntitle: Uji Panjang\ndate: 2020-08-20 19:00\n---\n\nPembuka singkat.\n\n---\n\n" + strings.Join(body, " ") + ".\n"
	_, ts, _ := builtServer(t, files)
	_, page, _ := get(t, ts.URL+"/post/panjang")
	findings := between(page, `id="findings"`, "</ul>")
	minSize := between(findings, "slide 2&#39;s text is set at the smallest size", "</li>")
	if !strings.Contains(minSize, "text-min-size") || !strings.Contains(minSize, `data-slide="2"`) {
		t.Errorf("no text-min-size finding linked to slide 2 in:\n%s", findings)
	}
	cont := between(findings, "slide 3 continues text that did not fit the slide before", "</li>")
	if !strings.Contains(cont, "text-continued") || !strings.Contains(cont, `data-slide="3"`) {
		t.Errorf("no text-continued finding about slide 3, linked to it, in:\n%s", findings)
	}
}
