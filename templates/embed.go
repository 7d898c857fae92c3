// Package templates embeds the built-in slide templates and post
// archetypes; a project's own templates/<name>.yaml and
// templates/archetypes/<pillar>.md override those of the same name.
package templates

import "embed"

// FS holds the built-in templates as <name>.yaml and the archetypes as
// archetypes/<pillar>.md.
//
//go:embed *.yaml archetypes/*.md
var FS embed.FS
