package cli

import (
	"fmt"
	"net/url"
	"slices"
	"strings"

	"github.com/spf13/cobra"

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
				u, err := checkInstagramURL(opts.URL)
				if err != nil {
					return err
				}
				opts.URL = u
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

// instagramPostURL reads a link to one post or reel on Instagram and
// returns it written the one way: https://www.instagram.com/p/<code>/.
// It takes the link as the app copies it: with or without https:// and
// www., with the account's name before /p/, with a query (?igsh=...).
func instagramPostURL(raw string) (string, bool) {
	s := strings.TrimSpace(raw)
	if !strings.Contains(s, "://") {
		s = "https://" + s
	}
	u, err := url.Parse(s)
	if err != nil || u.Scheme != "https" && u.Scheme != "http" {
		return "", false
	}
	switch strings.ToLower(u.Hostname()) {
	case "instagram.com", "www.instagram.com", "m.instagram.com", "instagr.am", "www.instagr.am":
	default:
		return "", false
	}
	parts := strings.Split(strings.Trim(u.Path, "/"), "/")
	if len(parts) == 3 { // instagram.com/<account>/p/<code>
		parts = parts[1:]
	}
	if len(parts) != 2 || !validCode(parts[1]) {
		return "", false
	}
	switch parts[0] {
	case "p", "reel", "reels", "tv":
		kind := map[string]string{"reels": "reel"}[parts[0]]
		if kind == "" {
			kind = parts[0]
		}
		return "https://www.instagram.com/" + kind + "/" + parts[1] + "/", true
	}
	return "", false
}

// validCode says whether s can be a post's short code: letters, digits,
// '-' and '_'.
func validCode(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return false
		}
	}
	return true
}

// checkInstagramURL accepts a link to a post or reel on Instagram and
// returns it as it is recorded.
func checkInstagramURL(raw string) (string, error) {
	if u, ok := instagramPostURL(raw); ok {
		return u, nil
	}
	return "", usageError("`--url` %q is not a link to an Instagram post or reel; copy it from the post (⋯ → Copy link): it looks like https://www.instagram.com/p/CDx1aBcDeFg/ or https://www.instagram.com/reel/CDx1aBcDeFg/", raw)
}

func markRun(opts *MarkOptions) error {
	s := opts.g.streams
	release, err := opts.g.lockProject()
	if err != nil {
		return err
	}
	defer release()
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
			w, err := parseWhen("`--at`", opts.At, pl.now)
			if err != nil {
				return err
			}
			at = w.Time
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
