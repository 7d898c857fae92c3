package cli

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/pkpm-btn3/pkpm/internal/calendar"
	"github.com/pkpm-btn3/pkpm/internal/catalog"
	"github.com/pkpm-btn3/pkpm/internal/tanggal"
)

// ReportOptions are the options of `pkpm report`.
type ReportOptions struct {
	g      *globals
	Format string
}

func newReportCmd(g *globals, runF func(*ReportOptions) error) *cobra.Command {
	opts := &ReportOptions{g: g}
	cmd := &cobra.Command{
		Use:   "report [--format {md | csv}]",
		Short: "Print the programme log of every post",
		Long: `Print the programme log: every post with its date, title, pillar, slides,
status and link, in date order, ready to paste into the PKPM report
(Markdown table) or a spreadsheet (CSV).

The date is when the post went out when that is recorded (pkpm mark),
else when it is planned. Slides are counted from the last build
(dist/slides/<slug>/slides.json).`,
		Example: `  $ pkpm report
  $ pkpm report --format csv > laporan.csv`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.Format != "md" && opts.Format != "csv" {
				return usageError("unknown format %q; use `md` or `csv`", opts.Format)
			}
			if runF != nil {
				return runF(opts)
			}
			return reportRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Format, "format", "md", "output format: md or csv")
	return cmd
}

func reportRun(opts *ReportOptions) error {
	pl, err := opts.g.openPlan()
	if err != nil {
		return err
	}
	pl.countSlides(nil)
	printDiags(opts.g.streams, pl.broken)
	rows := reportRows(pl)
	words := catalog.For(pl.proj.cfg.Language)
	var out []byte
	if opts.Format == "csv" {
		out, err = reportCSV(rows, words)
	} else {
		out = reportMarkdown(rows, words)
	}
	if err != nil {
		return err
	}
	if _, err := opts.g.streams.Out.Write(out); err != nil {
		return err
	}
	if len(pl.broken) > 0 {
		return silent(ExitFailure)
	}
	return nil
}

// reportRow is one post in the log.
type reportRow struct {
	post calendar.Post
	when time.Time // went out, else planned; zero when neither
}

func reportRows(pl *plan) []reportRow {
	rows := make([]reportRow, 0, len(pl.posts))
	for _, p := range pl.posts {
		r := reportRow{post: p, when: p.Date}
		if p.Status == "published" && !p.Published.IsZero() {
			r.when = p.Published
		}
		if !r.when.IsZero() {
			r.when = r.when.In(pl.cal.Location)
		}
		rows = append(rows, r)
	}
	sort.SliceStable(rows, func(i, j int) bool {
		a, b := rows[i], rows[j]
		if a.when.IsZero() != b.when.IsZero() {
			return b.when.IsZero()
		}
		if !a.when.Equal(b.when) {
			return a.when.Before(b.when)
		}
		return a.post.File < b.post.File
	})
	return rows
}

func slidesText(n int, words catalog.Catalog) string {
	if n < 0 {
		return words.T("report.not_built")
	}
	return fmt.Sprint(n)
}

// reportHeaders are the columns' names in the project's language; the
// file column is in the CSV only.
func reportHeaders(words catalog.Catalog, keys ...string) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = words.T("report." + k)
	}
	return out
}

func reportMarkdown(rows []reportRow, words catalog.Catalog) []byte {
	var b bytes.Buffer
	b.WriteString("| " + strings.Join(reportHeaders(words, "no", "date", "title", "pillar", "slides", "status", "url"), " | ") + " |\n")
	b.WriteString("|---:|---|---|---|---:|---|---|\n")
	cell := strings.NewReplacer("|", `\|`, "\n", " ", "\r", "")
	for i, r := range rows {
		when := words.T("report.undated")
		if !r.when.IsZero() {
			when = tanggal.DateTime(r.when)
		}
		p := r.post
		fmt.Fprintf(&b, "| %d | %s | %s | %s | %s | %s | %s |\n", i+1, when, cell.Replace(p.Title), cell.Replace(p.Pillar),
			slidesText(p.Slides, words), p.Status, cell.Replace(p.URL))
	}
	return b.Bytes()
}

func reportCSV(rows []reportRow, words catalog.Catalog) ([]byte, error) {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	_ = w.Write(reportHeaders(words, "date", "title", "pillar", "slides", "status", "url", "file"))
	for _, r := range rows {
		when := ""
		if !r.when.IsZero() {
			when = r.when.Format("2006-01-02 15:04")
		}
		p := r.post
		_ = w.Write([]string{when, p.Title, p.Pillar, slidesText(p.Slides, words), p.Status, p.URL, p.File})
	}
	w.Flush()
	return b.Bytes(), w.Error()
}
