// Package templates embeds the built-in slide templates; a project's own
// templates/<name>.yaml overrides the one of the same name.
package templates

import "embed"

// FS holds the built-in templates as <name>.yaml.
//
//go:embed *.yaml
var FS embed.FS
