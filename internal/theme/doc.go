// Package theme owns the look of slides: templates (embedded built-ins and
// a project's own templates/*.yaml, with extends chains), their background
// images, the post archetypes, the brand colours laid over a palette, the
// WCAG contrast of the colour pairs a template draws, and the embedded
// fonts. It decodes and resolves; it never draws, and never imports render
// or content.
package theme
