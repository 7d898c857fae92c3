package hugeheap

// building are the commands that build slides, whose processes the
// advice is given to at start-up; others (version, plan, new, ...) start
// without its cost: 3.3 ms of wall time and 5 ms of CPU (`pkpm build
// --help` against `pkpm help build`, 40 runs in turn).
var building = map[string]bool{"build": true, "check": true, "export": true, "preview": true}

// valued are pkpm's global flags that take a value in the next argument.
var valued = map[string]bool{"--now": true, "--project": true}

// Builds reports whether the command line argv (the program's name
// first) runs a command that builds. It only decides whether the advice
// comes at start-up: a command it misreads gets it when it starts
// building, a little later.
func Builds(argv []string) bool {
	for i := 1; i < len(argv); i++ {
		a := argv[i]
		switch {
		case valued[a]:
			i++
		case len(a) > 0 && a[0] == '-':
		default:
			return building[a]
		}
	}
	return false
}
