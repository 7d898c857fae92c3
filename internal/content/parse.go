package content

import (
	"fmt"
	"sort"
	"time"

	"github.com/yuin/goldmark/ast"

	"github.com/pkpm-btn3/pkpm/internal/diag"
)

// Parse decodes one post file. file is the path used in messages; loc is
// the project timezone for front-matter dates (UTC when nil).
//
// A non-nil error is a diag.Diagnostic of severity Error whose line is
// counted in the original file. Problems that do not stop the post are
// returned in Article.Warnings.
func Parse(file string, src []byte, loc *time.Location) (*Article, error) {
	text, err := normalize(file, src)
	if err != nil {
		return nil, err
	}
	s, err := splitFrontMatter(file, text)
	if err != nil {
		return nil, err
	}
	meta, err := decodeFrontMatter(file, s, loc)
	if err != nil {
		return nil, err
	}
	slug, err := articleSlug(file, meta, s.open)
	if err != nil {
		return nil, err
	}
	a := &Article{File: file, Slug: slug, Meta: meta}
	if err := parseBody(a, s.body, s.close+1); err != nil {
		return nil, err
	}
	return a, nil
}

// ParseHead decodes only a post's front matter and its slug, leaving the
// body unread: the cheap first pass that finds posts sharing a slug before
// any is drawn. Its errors are Parse's.
func ParseHead(file string, src []byte, loc *time.Location) (slug string, meta Meta, err error) {
	text, err := normalize(file, src)
	if err != nil {
		return "", Meta{}, err
	}
	s, err := splitFrontMatter(file, text)
	if err != nil {
		return "", Meta{}, err
	}
	if meta, err = decodeFrontMatter(file, s, loc); err != nil {
		return "", Meta{}, err
	}
	slug, err = articleSlug(file, meta, s.open)
	return slug, meta, err
}

// parseBody fills the intro and sections of a from the body text, whose
// first line is file line first.
func parseBody(a *Article, body []byte, first int) error {
	w := &walker{file: a.File, src: body, lines: newLineIndex(body, first)}
	doc, err := safeParseMarkdown(body)
	if err != nil {
		return diag.Errorf(a.File, first, "the Markdown body could not be read (%v); please report this file to the pkpm maintainers", err)
	}
	chunks := w.group(w.pieces(doc))
	a.Intro, a.IntroAlt, a.IntroDirectives = chunks[0].blocks, chunks[0].alt, chunks[0].dirs
	a.Sections = sections(chunks[1:])
	// Some warnings are only known once a whole slide is seen; report all
	// in file order.
	sort.SliceStable(w.warnings, func(i, j int) bool { return w.warnings[i].Line < w.warnings[j].Line })
	a.Warnings = w.warnings
	return nil
}

// safeParseMarkdown turns a panic inside goldmark into an error: one odd
// post must not take down a build of many.
func safeParseMarkdown(body []byte) (doc ast.Node, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	return parseMarkdown(body), nil
}
