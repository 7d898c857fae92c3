package cli

import (
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/pkpm-btn3/pkpm/internal/content"
)

// clock is the moment commands act at. `--now` (or PKPM_NOW) fixes it,
// so that a plan can be checked, tested and shown as of any day; without
// it, the system clock. Measuring how long something took is not "now"
// and keeps using the real clock.
type clock struct {
	flag string // --now as given
	text string // the moment in force as written; "" for the system clock
}

func (g *globals) addNowFlag(root *cobra.Command) {
	root.PersistentFlags().StringVar(&g.clock.flag, "now", "", "act as if it were this `time`: YYYY-MM-DD HH:MM in the project timezone (also PKPM_NOW)")
}

// setNow checks --now, else PKPM_NOW, before any command runs.
func (g *globals) setNow() error {
	text, from := strings.TrimSpace(g.clock.flag), "`--now`"
	if text == "" && g.streams.Environ != nil {
		text, from = strings.TrimSpace(g.streams.Environ("PKPM_NOW")), "PKPM_NOW"
	}
	if text == "" {
		return nil
	}
	if _, err := content.ParseDate(text, time.UTC); err != nil {
		return usageError("%s", strings.Replace(err.Error(), "date ", from+" ", 1))
	}
	g.clock.text = text
	return nil
}

// now is the moment to act at, in loc: the one --now names (read in loc)
// or the system clock's.
func (g *globals) now(loc *time.Location) time.Time {
	if g.clock.text != "" {
		if t, err := content.ParseDate(g.clock.text, loc); err == nil {
			return t
		}
	}
	return time.Now().In(loc)
}
