package cli

import (
	"strings"
	"time"

	"github.com/pkpm-btn3/pkpm/internal/calendar"
	"github.com/pkpm-btn3/pkpm/internal/tanggal"
)

// parseWhen reads a date flag in any form people write (see
// tanggal.ParseFrom), days counted from now in the project's timezone.
// Its error names the flag.
func parseWhen(flag, text string, now time.Time) (tanggal.When, error) {
	w, err := tanggal.ParseFrom(text, now)
	if err != nil {
		return w, usageError("%s", strings.Replace(err.Error(), "date ", flag+" ", 1))
	}
	return w, nil
}

// daySlot is the posting slot a day given without a time means: the first
// slot of that day free for self, else its first. ok is false when the
// day has no slot.
func (pl *plan) daySlot(day time.Time, self calendar.Post) (slot time.Time, ok bool) {
	slots := pl.cal.SlotTimes(calendar.DayOf(day))
	if len(slots) == 0 {
		return day, false
	}
	for _, s := range slots {
		if len(calendar.Blocking(pl.cal, pl.posts, self, s, pl.now)) == 0 {
			return s, true
		}
	}
	return slots[0], true
}
