package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// actionlint is the workflow linter, run from the Go module proxy at a
// pinned version.
const actionlint = "github.com/rhysd/actionlint/cmd/actionlint@v1.7.12"

func TestWorkflowFor(t *testing.T) {
	tests := []struct {
		v       string
		stamped bool
		want    workflowVars
	}{
		{"1.2.0", true, workflowVars{Version: "1.2.0", Release: true}},
		{"v1.2.0", true, workflowVars{Version: "1.2.0", Release: true}},
		{"0.0.1-snapshot+abc1234", true, workflowVars{Version: "latest"}},
		{"v1.3.0", false, workflowVars{Version: "v1.3.0"}},
		{"dev", false, workflowVars{Version: "latest"}},
	}
	for _, tt := range tests {
		if got := workflowFor(versionInfo{Version: tt.v}, tt.stamped); got != tt.want {
			t.Errorf("workflowFor(%q, %v) = %+v, want %+v", tt.v, tt.stamped, got, tt.want)
		}
	}
}

// Every workflow pkpm writes, and this repository's own, pass actionlint:
// a workflow with a mistake fails on GitHub only after it is pushed.
func TestWorkflowsPassActionlint(t *testing.T) {
	if testing.Short() {
		t.Skip("runs actionlint from the module proxy")
	}
	dir := t.TempDir()
	wfDir := filepath.Join(dir, ".github", "workflows")
	if err := os.MkdirAll(wfDir, 0o755); err != nil {
		t.Fatal(err)
	}
	files := []string{filepath.Join("..", "..", ".github", "workflows", "ci.yml")}
	for name, v := range map[string]workflowVars{"release.yml": {Version: "1.2.0", Release: true}, "install.yml": {Version: "v1.2.0"}} {
		wf, err := githubWorkflow(v)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(wf), "[[") {
			t.Errorf("%s: template left unfilled:\n%s", name, wf)
		}
		path := filepath.Join(wfDir, name)
		if err := os.WriteFile(path, wf, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, path)
	}
	cmd := exec.Command("go", append([]string{"run", actionlint, "-no-color"}, files...)...)
	out, err := cmd.CombinedOutput()
	if err == nil {
		return
	}
	if unreachable(string(out)) && os.Getenv("CI") == "" {
		t.Skipf("the Go module proxy cannot be reached to fetch actionlint:\n%s", out)
	}
	t.Errorf("actionlint (%s on %s): %v\n%s", actionlint, runtime.GOOS, err, out)
}

// unreachable recognises go's messages for a module proxy it cannot reach.
func unreachable(out string) bool {
	for _, s := range []string{"dial tcp", "no such host", "connection refused", "i/o timeout", "TLS handshake", "network is unreachable", "proxyconnect"} {
		if strings.Contains(out, s) {
			return true
		}
	}
	return false
}
