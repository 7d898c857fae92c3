package diag

import (
	"strings"
	"testing"
)

func TestAnnotation(t *testing.T) {
	f := Finding{File: "posts/x.md", Line: 12, Severity: Error, Rule: "caption-length", Message: "caption is 2,340 characters", Hint: "shorten it"}
	want := "::error file=posts/x.md,line=12,title=caption-length::caption is 2,340 characters%0Ashorten it"
	if got := f.Annotation(""); got != want {
		t.Errorf("Annotation\n got %s\nwant %s", got, want)
	}
	w := Finding{File: "calendar.yaml", Severity: Warning, Rule: "long-gap", Message: "no post for 9 days", Hint: "no post for 9 days"}
	if got, want := w.Annotation("site"), "::warning file=site/calendar.yaml,title=long-gap::no post for 9 days"; got != want {
		t.Errorf("Annotation\n got %s\nwant %s", got, want)
	}
}

// The runner reads a command back as parseCommand does; whatever a finding
// holds, it must read back the same file, line, title and message.
func TestAnnotationRoundTrip(t *testing.T) {
	cases := []Finding{
		{File: "posts/50%, a:b.md", Line: 3, Severity: Warning, Rule: "r", Message: "100% sure: a,b\r\nnext::line %0A"},
		{File: "posts/ok.md", Line: 1, Severity: Error, Rule: "x", Message: "%25 literal"},
	}
	for _, f := range cases {
		kind, props, msg := parseCommand(t, f.Annotation(""))
		if kind != f.Severity.String() {
			t.Errorf("kind %q, want %q", kind, f.Severity)
		}
		if props["file"] != f.File || props["title"] != f.Rule {
			t.Errorf("props %q, want file %q title %q", props, f.File, f.Rule)
		}
		if msg != f.Message {
			t.Errorf("message %q, want %q", msg, f.Message)
		}
	}
}

// parseCommand is the Actions runner's reading of "::kind k=v,k=v::msg".
func parseCommand(t *testing.T, line string) (string, map[string]string, string) {
	t.Helper()
	if strings.ContainsAny(line, "\r\n") {
		t.Fatalf("command spans lines: %q", line)
	}
	rest, ok := strings.CutPrefix(line, "::")
	head, msg, ok2 := strings.Cut(rest, "::")
	if !ok || !ok2 {
		t.Fatalf("not a workflow command: %q", line)
	}
	kind, list, _ := strings.Cut(head, " ")
	props := map[string]string{}
	for _, kv := range strings.Split(list, ",") {
		k, v, _ := strings.Cut(kv, "=")
		props[k] = unescape(v, true)
	}
	return kind, props, unescape(msg, false)
}

func unescape(s string, property bool) string {
	pairs := []string{"%0D", "\r", "%0A", "\n"}
	if property {
		pairs = append(pairs, "%3A", ":", "%2C", ",")
	}
	pairs = append(pairs, "%25", "%") // last, as the runner does
	for i := 0; i < len(pairs); i += 2 {
		s = strings.ReplaceAll(s, pairs[i], pairs[i+1])
	}
	return s
}
