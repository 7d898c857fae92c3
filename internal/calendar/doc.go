// Package calendar owns the posting plan: calendar.yaml (period, posting
// slots, blackout days, pillar targets and rules) decoded strictly with
// file and line in every error, the checks of posts' dates and statuses
// against it, the next free slot, a month's view of the plan (as data,
// as a text grid) and the iCalendar file that phones import.
//
// It is pure: bytes and values in, values out. The caller reads the files
// and passes the moment to act at ("now"); this package never reads the
// clock or the disk, and must not import render or export.
package calendar
