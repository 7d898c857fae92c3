package cli

import (
	"bytes"
	"strings"
	"text/template"

	"github.com/pkpm-btn3/pkpm/assets"
)

// workflowFile is where `pkpm init --ci github` writes the workflow.
const workflowFile = ".github/workflows/pkpm.yml"

// workflowVars fill the workflow: the pkpm it installs.
type workflowVars struct {
	Version string // "1.2.0" for a release; "v1.2.0" or "latest" for go install
	Release bool   // download the release archive rather than go install
}

// workflowFor pins the workflow to this binary's pkpm: a release binary
// downloads its own release, a `go install pkg@v1.2.0` installs the same
// version, and a development build installs the latest.
func workflowFor(v versionInfo, stamped bool) workflowVars {
	switch {
	case stamped && !strings.Contains(v.Version, "snapshot") && v.Version != "dev":
		return workflowVars{Version: strings.TrimPrefix(v.Version, "v"), Release: true}
	case strings.HasPrefix(v.Version, "v"):
		return workflowVars{Version: v.Version}
	}
	return workflowVars{Version: "latest"}
}

// githubWorkflow renders the content project's GitHub Actions workflow.
// Its own delimiters leave GitHub's ${{ }} expressions alone.
func githubWorkflow(v workflowVars) ([]byte, error) {
	raw, err := assets.FS.ReadFile("project/pkpm-workflow.yml.tmpl")
	if err != nil {
		return nil, err
	}
	t, err := template.New("workflow").Delims("[[", "]]").Parse(string(raw))
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	err = t.Execute(&buf, v)
	return buf.Bytes(), err
}
