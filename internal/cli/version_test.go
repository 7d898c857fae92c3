package cli

import (
	"runtime/debug"
	"testing"
)

func TestReadVersion(t *testing.T) {
	vcs := &debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Path: "github.com/pkpm-btn3/pkpm", Version: "(devel)"},
		Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "1a2b3c4d5e6f7a8b9c0d"}, {Key: "vcs.time", Value: "2026-11-30T08:00:00Z"}, {Key: "vcs.modified", Value: "true"}}}
	installed := &debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Path: "github.com/pkpm-btn3/pkpm", Version: "v1.3.0"}}
	base := versionInfo{Go: "go1.26.8", OS: "linux", Arch: "amd64"}
	stamp := base
	stamp.Version, stamp.Commit, stamp.Date = "1.2.0", "abcdef0123456789", "2026-12-01T10:00:00Z"
	tests := []struct {
		name    string
		stamped versionInfo
		bi      *debug.BuildInfo
		want    versionInfo
		line    string
	}{
		{"release", stamp, vcs, versionInfo{Version: "1.2.0", Commit: "abcdef0123456789", Date: "2026-12-01T10:00:00Z", Go: "go1.26.8", OS: "linux", Arch: "amd64"},
			"pkpm 1.2.0 (commit abcdef012345, 2026-12-01T10:00:00Z; go1.26.8 linux/amd64)"},
		{"go build in a checkout", base, vcs, versionInfo{Version: "dev", Commit: "1a2b3c4d5e6f7a8b9c0d", Date: "2026-11-30T08:00:00Z", Modified: true, Go: "go1.26.8", OS: "linux", Arch: "amd64"},
			"pkpm dev (commit 1a2b3c4d5e6f, modified, 2026-11-30T08:00:00Z; go1.26.8 linux/amd64)"},
		{"go install pkg@version", base, installed, versionInfo{Version: "v1.3.0", Go: "go1.26.8", OS: "linux", Arch: "amd64"},
			"pkpm v1.3.0 (go1.26.8 linux/amd64)"},
		{"no build info", versionInfo{OS: "windows", Arch: "arm64"}, nil, versionInfo{Version: "dev", OS: "windows", Arch: "arm64"},
			"pkpm dev ( windows/arm64)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := readVersion(tt.stamped, tt.bi)
			if got != tt.want {
				t.Errorf("readVersion = %+v, want %+v", got, tt.want)
			}
			if got.String() != tt.line {
				t.Errorf("String() = %q, want %q", got.String(), tt.line)
			}
		})
	}
}
