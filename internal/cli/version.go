package cli

import (
	"encoding/json"
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
)

// Version, Commit and Date are stamped into release binaries by
// .goreleaser.yaml (-ldflags "-X .../internal/cli.Version=1.2.3 ...").
// Binaries from `go build` or `go install` leave them empty and report
// what Go recorded instead.
var (
	Version = ""
	Commit  = ""
	Date    = ""
)

// versionInfo is what `pkpm version` reports.
type versionInfo struct {
	Version  string `json:"version"`
	Commit   string `json:"commit,omitempty"`
	Date     string `json:"date,omitempty"`
	Modified bool   `json:"modified,omitempty"` // built from a tree with uncommitted changes
	Go       string `json:"go"`
	OS       string `json:"os"`
	Arch     string `json:"arch"`
}

// readVersion prefers the stamped values and fills what they leave out
// from the build info: the module version (set by `go install
// pkg@version`) and the VCS revision, time and dirty flag (set by `go
// build` in a checkout).
func readVersion(stamped versionInfo, bi *debug.BuildInfo) versionInfo {
	v := stamped
	if bi != nil {
		if v.Version == "" && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
			v.Version = bi.Main.Version
		}
		for _, s := range bi.Settings {
			switch {
			case s.Key == "vcs.revision" && v.Commit == "":
				v.Commit = s.Value
			case s.Key == "vcs.time" && v.Date == "":
				v.Date = s.Value
			case s.Key == "vcs.modified" && stamped.Commit == "":
				v.Modified = s.Value == "true"
			}
		}
		if v.Go == "" {
			v.Go = bi.GoVersion
		}
	}
	if v.Version == "" {
		v.Version = "dev"
	}
	return v
}

// currentVersion is this binary's version.
func currentVersion() versionInfo {
	bi, _ := debug.ReadBuildInfo()
	return readVersion(versionInfo{Version: Version, Commit: Commit, Date: Date, Go: runtime.Version(), OS: runtime.GOOS, Arch: runtime.GOARCH}, bi)
}

// version is the version string written into bundles' manifests.
func version() string { return currentVersion().Version }

// String is the one line `pkpm version` prints, e.g.
// "pkpm 1.2.0 (commit 1a2b3c4d5e6f, 2026-12-01T10:00:00Z; go1.26.8 linux/amd64)".
func (v versionInfo) String() string {
	var from []string
	if v.Commit != "" {
		c := v.Commit
		if len(c) > 12 {
			c = c[:12]
		}
		if v.Modified {
			c += ", modified"
		}
		from = append(from, "commit "+c)
	}
	if v.Date != "" {
		from = append(from, v.Date)
	}
	runtime := fmt.Sprintf("%s %s/%s", v.Go, v.OS, v.Arch)
	if len(from) > 0 {
		runtime = strings.Join(from, ", ") + "; " + runtime
	}
	return fmt.Sprintf("pkpm %s (%s)", v.Version, runtime)
}

func newVersionCmd(g *globals) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "version [--format {text | json}]",
		Short: "Print the pkpm version",
		Long: `Print the version of this pkpm binary, the commit and time it was built
from, and the Go version and system it was built for.`,
		Args: cobra.NoArgs,
		Example: `  $ pkpm version
  $ pkpm version --format json`,
		RunE: func(cmd *cobra.Command, args []string) error {
			v := currentVersion()
			switch format {
			case "text":
				_, err := fmt.Fprintln(g.streams.Out, v)
				return err
			case "json":
				enc := json.NewEncoder(g.streams.Out)
				enc.SetIndent("", "  ")
				return enc.Encode(v)
			}
			return usageError("unknown format %q; use `text` or `json`", format)
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "output format: text or json")
	return cmd
}
