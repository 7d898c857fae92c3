// Package yamlfile owns reading pkpm's YAML files strictly: front matter,
// calendar.yaml, pkpm.yaml and templates. It turns bytes into text (BOM,
// CRLF, invalid UTF-8), parses them, walks the nodes against the keys a
// file may hold (YAML aliases followed, other spellings accepted, the key
// meant suggested), reads values with their line, and collects every
// problem of a file into one diag.List instead of stopping at the first.
//
// It knows no file format: each format says its keys and reads its own
// values. It does no I/O.
package yamlfile
