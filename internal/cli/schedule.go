package cli

import (
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/pkpm-btn3/pkpm/internal/calendar"
	"github.com/pkpm-btn3/pkpm/internal/diag"
	"github.com/pkpm-btn3/pkpm/internal/tanggal"
)

// ScheduleOptions are the options of `pkpm schedule`.
type ScheduleOptions struct {
	g     *globals
	Post  string
	At    string
	Next  bool
	Force bool
}

func newScheduleCmd(g *globals, runF func(*ScheduleOptions) error) *cobra.Command {
	opts := &ScheduleOptions{g: g}
	cmd := &cobra.Command{
		Use:   "schedule <post> {--at <time> | --next} [--force]",
		Short: "Set when a post goes out",
		Long: `Set a post's date: at a time you give, or in the next free slot of
calendar.yaml after now that breaks no rule (not taken, not a blackout day,
within the day's limit and the minimum gap, and for a draft far enough
ahead to be made ready).

Only the post's date line changes, or is added; every other byte of the
file stays as it was. A slot another post has, a blackout day, a full day
or a time that has passed is refused unless --force is given.

--at takes a time in the project timezone as people write it
("2020-08-05 19:00", "2020-08-05 19.00 WIB", "5 Agustus 2020 19.00",
"besok 19.00", "Rabu 19.00"), or a day alone ("2020-08-05", "5 Agu 2020",
"besok", "lusa", "Rabu") for that day's posting slot.`,
		Example: `  $ pkpm schedule posts/cara-memakai-masker.md --next
  $ pkpm schedule cara-memakai-masker --at "2020-08-05 19:00"
  $ pkpm schedule cara-memakai-masker --at 2020-08-05
  $ pkpm schedule cara-memakai-masker --at besok
  $ pkpm schedule cara-memakai-masker --at "2020-08-17 19:00" --force`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Post = args[0]
			switch {
			case opts.At != "" && opts.Next:
				return usageError("give either `--at <time>` or `--next`, not both")
			case opts.At == "" && !opts.Next:
				return usageError("say when: `--at <time>` or `--next`")
			}
			if runF != nil {
				return runF(opts)
			}
			return scheduleRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.At, "at", "", "the `time`: YYYY-MM-DD HH:MM, or a day for its slot")
	cmd.Flags().BoolVar(&opts.Next, "next", false, "take the next free slot after now")
	cmd.Flags().BoolVar(&opts.Force, "force", false, "schedule even in a taken slot, on a blackout day or in the past")
	return cmd
}

func scheduleRun(opts *ScheduleOptions) error {
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
	self, err := pl.post(opts.Post)
	if err != nil {
		return err
	}
	skipped(s, pl.broken)
	if self.Status == "published" && !opts.Force {
		return diag.Errorf(self.File, self.Lines["status"], "not scheduled: the post is published already, its date is history; add `--force` to change it anyway")
	}
	var at time.Time
	if opts.Next {
		if at, err = calendar.NextFree(pl.cal, pl.posts, self, pl.now); err != nil {
			return err
		}
	} else if at, err = pl.parseAt(opts.At, self); err != nil {
		return err
	}
	if blocked := calendar.Blocking(pl.cal, pl.posts, self, at, pl.now); len(blocked) > 0 && !opts.Force {
		var why []string
		for _, f := range blocked {
			why = append(why, f.Message)
		}
		return diag.Errorf(self.File, self.Lines["date"], "not scheduled: %s; pick another time, take `--next`, or add `--force`", strings.Join(why, "; "))
	}
	if self.Date.Equal(at) {
		if !opts.g.quiet {
			fmt.Fprintf(s.Err, "%s is already scheduled for %s\n", self.File, tanggal.DateTime(at))
		}
		return nil
	}
	if err := pl.setKeys(self, "date", pl.when(at)); err != nil {
		return err
	}
	if !opts.g.quiet {
		fmt.Fprintf(s.Err, "%s %s for %s\n", s.paint("32;1", "scheduled"), self.File, tanggal.DateTime(at))
	}
	moved := self
	moved.Date = at
	var mine []calendar.Finding
	for _, f := range calendar.Check(pl.cal, replacePost(pl.posts, moved), pl.now) {
		if f.File == self.File {
			mine = append(mine, f)
		}
	}
	printFindings(s, mine)
	return nil
}

// parseAt reads --at in the plan's timezone. A day alone means that day's
// posting slot: the first one free, else the first.
func (pl *plan) parseAt(text string, self calendar.Post) (time.Time, error) {
	w, err := parseWhen("`--at`", text, pl.now)
	if err != nil || w.HasTime {
		return w.Time, err
	}
	slot, ok := pl.daySlot(w.Time, self)
	if !ok {
		return slot, usageError("%s has no posting slot; give a time too, like --at %q", tanggal.Date(w.Time), w.Time.Format("2006-01-02")+" 19:00")
	}
	return slot, nil
}

func replacePost(posts []calendar.Post, p calendar.Post) []calendar.Post {
	out := make([]calendar.Post, len(posts))
	for i, q := range posts {
		if q.File == p.File {
			q = p
		}
		out[i] = q
	}
	return out
}

// skipped tells that posts which do not parse are left out of the plan.
func skipped(s *Streams, broken []diag.Diagnostic) {
	var ws []diag.Diagnostic
	for _, d := range broken {
		ws = append(ws, diag.Warnf(d.File, d.Line, "left out of the plan: %s", d.Message))
	}
	printDiags(s, ws)
}
