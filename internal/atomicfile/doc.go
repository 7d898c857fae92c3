// Package atomicfile owns writing output so that a reader, a crash or a
// Ctrl-C never sees half of it: a file is written beside its target,
// synced and renamed over it; a folder is filled beside its target and
// swapped in. Every command that writes (build, export, the preview's
// sheets, the calendar commands that edit posts) writes through here.
package atomicfile
