package cli

import (
	"fmt"
	"net/url"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/pkpm-btn3/pkpm/internal/content"
	"github.com/pkpm-btn3/pkpm/internal/diag"
	"github.com/pkpm-btn3/pkpm/internal/tanggal"
)

// MarkOptions are the options of `pkpm mark`.
type MarkOptions struct {
	g      *globals
	Post   string
	Status string
	URL    string
	At     string
}

var markStatuses = []string{"published", "ready", "draft"}

func newMarkCmd(g *globals, runF func(*MarkOptions) error) *cobra.Command {
	opts := &MarkOptions{g: g}
	cmd := &cobra.Command{
		Use:   "mark <post> {published | ready | draft} [--url <instagram-url>] [--at <time>]",
		Short: "Record a post's status: ready, or published with its time and link",
		Long: `Set a post's status. "published" also records when it went out (--at,
default now) and, with --url, where it is on Instagram, for the report.

Only those lines of the front matter change, or are added; every other byte
of the file stays as it was.`,
		Example: `  $ pkpm mark cara-memakai-masker ready
  $ pkpm mark cara-memakai-masker published --url https://www.instagram.com/p/CDx1aBcDeFg/
  $ pkpm mark posts/protokol-3m-5m.md published --at "2020-08-03 19:05"`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Post, opts.Status = args[0], args[1]
			if !slices.Contains(markStatuses, opts.Status) {
				msg := fmt.Sprintf("unknown status %q; use published, ready or draft", opts.Status)
				if s := diag.Suggest(strings.ToLower(opts.Status), markStatuses); s != "" {
					msg = fmt.Sprintf("unknown status %q — did you mean %q?", opts.Status, s)
				}
				return usageError("%s", msg)
			}
			if opts.Status != "published" && (opts.URL != "" || opts.At != "") {
				return usageError("`--url` and `--at` go with `published`")
			}
			if opts.URL != "" {
				if err := checkInstagramURL(opts.URL); err != nil {
					return err
				}
			}
			if runF != nil {
				return runF(opts)
			}
			return markRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.URL, "url", "", "the post's `link` on Instagram")
	cmd.Flags().StringVar(&opts.At, "at", "", "when it went out: YYYY-MM-DD HH:MM (default: now)")
	return cmd
}

// checkInstagramURL accepts a link to a post on Instagram.
func checkInstagramURL(raw string) error {
	u, err := url.Parse(raw)
	if err == nil && (u.Scheme == "https" || u.Scheme == "http") {
		switch strings.ToLower(u.Hostname()) {
		case "instagram.com", "www.instagram.com", "m.instagram.com", "instagr.am":
			return nil
		}
	}
	return usageError("`--url` %q is not a link to Instagram; copy it from the post (⋯ → Copy link), like https://www.instagram.com/p/CDx1aBcDeFg/", raw)
}

func markRun(opts *MarkOptions) error {
	s := opts.g.streams
	pl, err := opts.g.openPlan()
	if err != nil {
		return err
	}
	post, err := pl.post(opts.Post)
	if err != nil {
		return err
	}
	kv := []string{"status", opts.Status}
	note := ""
	if opts.Status == "published" {
		at := pl.now
		if opts.At != "" {
			if at, err = content.ParseDate(opts.At, pl.cal.Location); err != nil {
				return usageError("%s", strings.Replace(err.Error(), "date ", "`--at` ", 1))
			}
			if at.After(pl.now) {
				return usageError("`--at` %q is after now (%s); mark a post published once it is out", opts.At, tanggal.DateTime(pl.now))
			}
		}
		kv = append(kv, "published", pl.when(at))
		note = " at " + tanggal.DateTime(at.Truncate(60e9))
		if opts.URL != "" {
			kv = append(kv, "url", opts.URL)
			note += ": " + opts.URL
		}
	}
	if err := pl.setKeys(post, kv...); err != nil {
		return err
	}
	if !opts.g.quiet {
		fmt.Fprintf(s.Err, "%s %s %s%s\n", s.paint("32;1", "marked"), post.File, opts.Status, note)
	}
	return nil
}
