// Package cli owns the pkpm commands: flags, output streams (terminal
// detection, colour, progress) and the mapping of errors to exit codes.
// Commands are thin: each parses its options and calls a run function
// that tests call directly.
package cli
