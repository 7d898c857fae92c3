package cli

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// cobra and pflag report mistakes in how a command was called in their own
// words ("accepts 1 arg(s), received 0", "strconv.ParseInt: parsing ...").
// The functions here say the same in pkpm's voice, with the command's usage
// line, so the fix is on screen.

// flagError translates a flag parsing error of c.
func flagError(c *cobra.Command, err error) error {
	var invalid *pflag.InvalidValueError
	var missing *pflag.ValueRequiredError
	var unknown *pflag.NotExistError
	var msg string
	switch {
	case errors.As(err, &invalid):
		msg = invalidValue(invalid)
	case errors.As(err, &missing):
		msg = fmt.Sprintf("`--%s` needs a value%s", missing.GetFlag().Name, valueName(missing.GetFlag()))
	case errors.As(err, &unknown) && unknown.GetSpecifiedName() != "":
		msg = fmt.Sprintf("unknown flag: --%s", unknown.GetSpecifiedName())
		if s := suggestFlag(c, unknown.GetSpecifiedName()); s != "" {
			msg += fmt.Sprintf("; did you mean `--%s`?", s)
		}
	default:
		msg = err.Error()
	}
	return usageAt(c, "%s", msg)
}

// invalidValue says what a flag takes: a number, a duration, true or false.
// A flag of pkpm's own type explains itself in its cause.
func invalidValue(e *pflag.InvalidValueError) string {
	f := e.GetFlag()
	what := map[string]string{
		"int": "a whole number", "int8": "a whole number", "int16": "a whole number", "int32": "a whole number", "int64": "a whole number",
		"uint": "a whole number, 0 or more", "uint8": "a whole number, 0 or more", "uint16": "a whole number, 0 or more",
		"uint32": "a whole number, 0 or more", "uint64": "a whole number, 0 or more",
		"float32": "a number, like 1.5", "float64": "a number, like 1.5",
		"bool": "true or false", "duration": "a duration, like 30s or 2m",
		"count": "a whole number",
	}[f.Value.Type()]
	if what == "" {
		cause := errors.Unwrap(e)
		var num *strconv.NumError
		if cause == nil || errors.As(cause, &num) {
			return fmt.Sprintf("`--%s` does not take %q", f.Name, e.GetValue())
		}
		return fmt.Sprintf("`--%s` %q: %v", f.Name, e.GetValue(), cause)
	}
	return fmt.Sprintf("`--%s` takes %s, not %q", f.Name, what, e.GetValue())
}

// valueName is the flag's value as its help names it, " (<n>)" for
// --port, or "" when the help does not name it.
func valueName(f *pflag.Flag) string {
	name, _ := pflag.UnquoteUsage(f)
	if name == "" || name == f.Value.Type() {
		return ""
	}
	return fmt.Sprintf(": `--%s <%s>`", f.Name, name)
}

// suggestFlag names a flag of c close to the one typed, or "".
func suggestFlag(c *cobra.Command, typed string) string {
	best, bestDist := "", 3
	c.Flags().VisitAll(func(f *pflag.Flag) {
		if d := levenshtein(typed, f.Name); d < bestDist && !f.Hidden {
			best, bestDist = f.Name, d
		}
	})
	return best
}

func levenshtein(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

// cobraErrors are the patterns of cobra's messages that argsError
// rewrites, compiled on the first error: a run that goes well needs none.
var cobraErrors = sync.OnceValue(func() cobraPatterns {
	return cobraPatterns{
		accepts: regexp.MustCompile(`^accepts (\d+) arg\(s\), received (\d+)$`),
		atLeast: regexp.MustCompile(`^requires at least (\d+) arg\(s\), only received (\d+)$`),
		atMost:  regexp.MustCompile(`^accepts at most (\d+) arg\(s\), received (\d+)$`),
		unknown: regexp.MustCompile(`^unknown command "([^"]*)" for "([^"]*)"`),
	}
})

type cobraPatterns struct{ accepts, atLeast, atMost, unknown *regexp.Regexp }

// argsError translates cobra's errors about positional arguments and
// unknown commands, raised for c; it returns nil for any other error.
func argsError(c *cobra.Command, err error) error {
	var e *exitError
	if c == nil || errors.As(err, &e) {
		return nil
	}
	msg := err.Error()
	p := cobraErrors()
	if m := p.unknown.FindStringSubmatch(msg); m != nil {
		return unknownCommand(c, m[1])
	}
	for _, re := range []*regexp.Regexp{p.accepts, p.atLeast, p.atMost} {
		if m := re.FindStringSubmatch(msg); m != nil {
			want, _ := strconv.Atoi(m[1])
			got, _ := strconv.Atoi(m[2])
			return usageAt(c, "%s", argCount(c, re == p.atMost, want, got))
		}
	}
	return nil
}

// unknownCommand: a word where c expected a command, or an argument c does
// not take at all.
func unknownCommand(c *cobra.Command, word string) error {
	if !c.HasSubCommands() {
		return usageAt(c, "`%s` takes no arguments, but got %q", c.CommandPath(), word)
	}
	msg := fmt.Sprintf("unknown command %q", word)
	if s := c.SuggestionsFor(word); len(s) > 0 {
		msg += fmt.Sprintf("; did you mean `%s %s`?", c.CommandPath(), s[0])
	} else {
		msg += fmt.Sprintf("; the commands are listed by `%s --help`", c.CommandPath())
	}
	return usageAt(c, "%s", msg)
}

// argCount words a wrong number of arguments with the names the usage
// line gives them: "missing <post>".
func argCount(c *cobra.Command, atMost bool, want, got int) string {
	names := argNames(c)
	switch {
	case got < want && got < len(names):
		return fmt.Sprintf("missing %s", strings.Join(names[got:min(want, len(names))], " "))
	case got < want:
		return fmt.Sprintf("`%s` needs %d %s, got %d", c.CommandPath(), want, plural(want, "argument"), got)
	case atMost && want == 1:
		return fmt.Sprintf("`%s` takes one argument at most, got %d", c.CommandPath(), got)
	default:
		return fmt.Sprintf("`%s` takes %d %s, got %d", c.CommandPath(), want, plural(want, "argument"), got)
	}
}

// argNames are the positional arguments of c's usage line, up to its
// first flag: "<post>", "{published | ready | draft}".
func argNames(c *cobra.Command) []string {
	var names []string
	words := strings.Fields(c.Use)[1:]
	for i := 0; i < len(words); i++ {
		w := strings.Trim(words[i], "[].")
		if strings.HasPrefix(w, "-") || strings.HasPrefix(w, "{-") {
			break
		}
		if strings.HasPrefix(w, "{") { // a choice: up to its closing brace
			j := i
			for j < len(words)-1 && !strings.HasSuffix(words[j], "}") {
				j++
			}
			names = append(names, strings.Join(words[i:j+1], " "))
			i = j
			continue
		}
		if strings.HasPrefix(w, "<") && strings.HasSuffix(w, ">") {
			names = append(names, w)
		}
	}
	return names
}

// usageAt is a usage error of c followed by its usage line.
func usageAt(c *cobra.Command, format string, args ...any) error {
	line := c.UseLine()
	if strings.Contains(c.Use, "--") { // the flags that matter are named
		line = strings.TrimSuffix(line, " [flags]")
	}
	msg := fmt.Sprintf(format, args...)
	return usageError("%s\nusage: %s\n       more in `%s --help`", msg, line, c.CommandPath())
}
