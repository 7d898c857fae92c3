package cli

import (
	"errors"
	"fmt"
)

// Exit codes, as documented in the README.
const (
	ExitOK      = 0
	ExitFailure = 1
	ExitUsage   = 2
	ExitCheck   = 3
)

// exitError carries an exit code; its message, if any, has been printed
// or is printed once by Main.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit %d", e.code)
	}
	return e.err.Error()
}

func (e *exitError) Unwrap() error { return e.err }

// usageError marks a mistake in how the command was called.
func usageError(format string, args ...any) error {
	return &exitError{code: ExitUsage, err: fmt.Errorf(format, args...)}
}

// silent is a failure whose details were already printed.
func silent(code int) error { return &exitError{code: code} }

// interrupted ends a command stopped by Ctrl-C, saying what it left:
// whatever was written is whole, so running it again picks up the rest.
func interrupted(command, left string) error {
	return &exitError{code: ExitFailure, err: fmt.Errorf("%s interrupted: %s", command, left)}
}

func exitCode(err error) int {
	var e *exitError
	if errors.As(err, &e) {
		return e.code
	}
	return ExitFailure
}
