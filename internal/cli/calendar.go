package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"time"

	"github.com/spf13/cobra"

	"github.com/pkpm-btn3/pkpm/internal/atomicfile"
	"github.com/pkpm-btn3/pkpm/internal/calendar"
	"github.com/pkpm-btn3/pkpm/internal/diag"
	"github.com/pkpm-btn3/pkpm/internal/tanggal"
)

// CalendarOptions are the options of `pkpm calendar`.
type CalendarOptions struct {
	g      *globals
	Month  string // "2020-08"; "" for the month of now
	Format string // text, json or ics
	Check  bool
	Out    string // file to write instead of stdout
}

func newCalendarCmd(g *globals, runF func(*CalendarOptions) error) *cobra.Command {
	opts := &CalendarOptions{g: g}
	cmd := &cobra.Command{
		Use:   "calendar [--month <YYYY-MM>] [--check] [--format {text | json | ics}]",
		Short: "Show, check or export the posting plan",
		Long: `Show a month of the posting plan as a grid: each day with its posting
slots, the posts on them and their status, free slots, blackout days and
today; below it the posts that have no date yet.

The plan is calendar.yaml (period, slots, blackout days, pillar targets and
rules) and each post's own date and status. --check checks every post
against it and exits 3 when it finds errors. --format json prints the
month's data; --format ics writes an iCalendar file of every scheduled
post (of --month alone when given) for Google Calendar and phones.`,
		Example: `  $ pkpm calendar
  $ pkpm calendar --month 2020-09
  $ pkpm calendar --check
  $ pkpm calendar --format ics --out jadwal.ics
  $ pkpm calendar --month 2020-08 --now "2020-08-10 09:00"`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if _, _, err := parseMonth(opts.Month); err != nil {
				return err
			}
			switch opts.Format {
			case "text", "json", "ics":
			default:
				return usageError("unknown format %q; use `text`, `json` or `ics`", opts.Format)
			}
			if opts.Check && opts.Format == "ics" {
				return usageError("`--check` goes with `--format text` or `json`, not `ics`")
			}
			if runF != nil {
				return runF(opts)
			}
			return calendarRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Month, "month", "", "the `month` to show, as YYYY-MM (default: this month)")
	cmd.Flags().StringVar(&opts.Format, "format", "text", "output format: text, json or ics")
	cmd.Flags().BoolVar(&opts.Check, "check", false, "check every post against the plan; exit 3 on errors")
	cmd.Flags().StringVarP(&opts.Out, "out", "o", "", "write to this `file` instead of the terminal")
	return cmd
}

var monthRE = regexp.MustCompile(`^(\d{4})-(\d{1,2})$`)

// parseMonth reads "2020-08"; "" is no month.
func parseMonth(s string) (int, time.Month, error) {
	if s == "" {
		return 0, 0, nil
	}
	m := monthRE.FindStringSubmatch(s)
	if m != nil {
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		if mo >= 1 && mo <= 12 {
			return y, time.Month(mo), nil
		}
	}
	return 0, 0, usageError("`--month` %q is not a month; write it as YYYY-MM, like 2020-08", s)
}

func calendarRun(opts *CalendarOptions) error {
	s := opts.g.streams
	pl, err := opts.g.openPlan()
	if err != nil {
		return err
	}
	pl.countSlides(nil)
	printDiags(s, pl.broken)
	year, month, _ := parseMonth(opts.Month)
	if opts.Month == "" {
		year, month = pl.now.Year(), pl.now.Month()
	}
	var out bytes.Buffer
	var findings []calendar.Finding
	if opts.Check {
		findings = append(brokenFindings(pl.broken), calendar.Check(pl.cal, pl.posts, pl.now)...)
	}
	switch {
	case opts.Format == "ics":
		err = writeICS(&out, pl, opts.Month != "", year, month)
	case opts.Format == "json":
		v := calendar.Month(pl.cal, pl.posts, year, month, pl.now)
		v.Findings = findings
		var js []byte
		if js, err = json.MarshalIndent(v, "", "  "); err == nil {
			out.Write(append(js, '\n'))
		}
	case opts.Check:
		printFindings(s, findings)
	default:
		cols := s.columns()
		if opts.Out != "" { // a file: not the terminal's width
			cols = (&Streams{Environ: s.Environ}).columns()
		}
		err = calendar.WriteGrid(&out, calendar.Month(pl.cal, pl.posts, year, month, pl.now), gridPainter(s), cols)
	}
	if err != nil {
		return err
	}
	if err := emit(opts.g, opts.Out, out.Bytes()); err != nil {
		return err
	}
	if opts.Check {
		return checkSummary(opts.g, pl, findings)
	}
	if len(pl.broken) > 0 {
		return silent(ExitFailure)
	}
	return nil
}

func writeICS(out *bytes.Buffer, pl *plan, oneMonth bool, year int, month time.Month) error {
	posts := pl.posts
	if oneMonth {
		posts = nil
		for _, p := range pl.posts {
			if d := p.Date.In(pl.cal.Location); p.Scheduled() && d.Year() == year && d.Month() == month {
				posts = append(posts, p)
			}
		}
	}
	return calendar.WriteICS(out, pl.cal, posts, calendar.ICSOptions{Name: pl.proj.cfg.Name, Domain: pl.proj.cfg.Handle, Stamp: pl.now})
}

// emit writes data to the file named, atomically, or to stdout.
func emit(g *globals, file string, data []byte) error {
	if file == "" {
		_, err := g.streams.Out.Write(data)
		return err
	}
	if !filepath.IsAbs(file) {
		cwd, err := os.Getwd()
		if err != nil {
			return err
		}
		file = filepath.Join(cwd, file)
	}
	if err := atomicfile.WriteFile(file, data); err != nil {
		return err
	}
	if !g.quiet {
		fmt.Fprintf(g.streams.Err, "wrote %s\n", file)
	}
	return nil
}

// brokenFindings turns posts that do not parse into findings of the
// check: a post the plan cannot read is an error of the plan.
func brokenFindings(ds []diag.Diagnostic) []calendar.Finding {
	var fs []calendar.Finding
	for _, d := range ds {
		fs = append(fs, calendar.Finding{File: d.File, Line: d.Line, Severity: diag.Error, Level: "error",
			Rule: "post-unreadable", Message: d.Message, Hint: "fix the post so it parses"})
	}
	return fs
}

// printFindings prints errors, then warnings, each as
// "file:line: error rule: message".
func printFindings(s *Streams, fs []calendar.Finding) {
	calendar.SortFindings(fs)
	for _, sev := range []diag.Severity{diag.Error, diag.Warning} {
		for _, f := range fs {
			if f.Severity != sev || f.Rule == "post-unreadable" {
				continue // unreadable posts were printed as they were read
			}
			label := s.paint("33", "warning")
			if sev == diag.Error {
				label = s.paint("31", "error")
			}
			where := diag.Diagnostic{File: f.File, Line: f.Line}.String()
			fmt.Fprintf(s.Err, "%s%s %s: %s\n", where, label, f.Rule, f.Message)
		}
	}
}

// checkSummary ends `calendar --check` with a count, and exit 3 when
// anything is an error.
func checkSummary(g *globals, pl *plan, fs []calendar.Finding) error {
	s := g.streams
	errs, warns := calendar.Count(fs)
	as := tanggal.DateTime(pl.now)
	n := len(pl.posts) + len(pl.broken)
	switch {
	case errs > 0:
		fmt.Fprintf(s.Err, "%s %d %s, %d %s in %d %s (as of %s)\n", s.paint("31;1", "calendar:"), errs, plural(errs, "error"), warns, plural(warns, "warning"), n, plural(n, "post"), as)
		return silent(ExitCheck)
	case warns > 0:
		fmt.Fprintf(s.Err, "%s %d %s in %d %s (as of %s)\n", s.paint("33;1", "calendar:"), warns, plural(warns, "warning"), n, plural(n, "post"), as)
	case !g.quiet:
		fmt.Fprintf(s.Err, "%s no problems in %d %s (as of %s)\n", s.paint("32;1", "calendar:"), n, plural(n, "post"), as)
	}
	return nil
}

// gridPainter colours the grid on a terminal.
func gridPainter(s *Streams) calendar.Painter {
	codes := map[calendar.Style]string{
		calendar.StyleHeading:   "1",
		calendar.StyleToday:     "7;1",
		calendar.StyleBlackout:  "35",
		calendar.StyleOutside:   "2",
		calendar.StyleFree:      "94",
		calendar.StylePast:      "2",
		calendar.StyleDraft:     "33",
		calendar.StyleReady:     "36",
		calendar.StylePublished: "32",
		calendar.StyleOverdue:   "31;1",
	}
	return func(st calendar.Style, text string) string {
		if code, ok := codes[st]; ok && text != "" {
			return s.paint(code, text)
		}
		return text
	}
}
