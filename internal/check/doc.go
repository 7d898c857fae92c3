// Package check owns the pre-flight rules: Instagram's limits, caption
// quality, slide readability and content completeness. Rules take values
// (a parsed post, its composed slides, their encoded bytes and measured
// contrast) and return findings with a file, line, stable rule id,
// severity and a one-line fix. It does no I/O and never imports cobra.
package check
