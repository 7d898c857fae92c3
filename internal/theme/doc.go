// Package theme owns the look of slides: templates (embedded built-ins and
// a project's own templates/*.yaml) and the embedded fonts. It decodes and
// resolves; it never draws, and never imports render or content.
package theme
