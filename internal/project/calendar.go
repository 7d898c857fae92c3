package project

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/pkpm-btn3/pkpm/internal/calendar"
	"github.com/pkpm-btn3/pkpm/internal/config"
	"github.com/pkpm-btn3/pkpm/internal/diag"
)

// Calendar reads the project's calendar.yaml. Without one the plan has no
// period, slots or blackout days, in the project's timezone. The warnings
// say what the caller should tell the user, such as a calendar timezone
// that is not the project's.
func (p *Project) Calendar() (*calendar.Calendar, []diag.Diagnostic, error) {
	return ReadCalendar(p.Root, p.Config)
}

// ReadCalendar is Calendar for a root and settings held apart, as the
// preview keeps them.
func ReadCalendar(root string, cfg config.Project) (*calendar.Calendar, []diag.Diagnostic, error) {
	src, err := os.ReadFile(filepath.Join(root, calendar.FileName))
	switch {
	case errors.Is(err, fs.ErrNotExist):
		c := calendar.New(cfg.Location)
		c.Timezone = cfg.Timezone
		return c, nil, nil
	case err != nil:
		return nil, nil, diag.Errorf(calendar.FileName, 0, "cannot read: %v", err)
	}
	c, err := calendar.Parse(calendar.FileName, src, cfg.Timezone)
	if err != nil {
		return nil, nil, err
	}
	var warns []diag.Diagnostic
	if l := c.Lines["timezone"]; l > 0 && c.Timezone != cfg.Timezone {
		warns = append(warns, diag.Warnf(calendar.FileName, l,
			"timezone %q is not pkpm.yaml's %q; the calendar commands read post dates in %s", c.Timezone, cfg.Timezone, c.Timezone))
	}
	return c, warns, nil
}
