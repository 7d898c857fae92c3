package content

import (
	"fmt"
	"sort"
	"strings"
)

// dump renders an article body compactly, one block per line, for tests
// that compare structure: "intro", "section L12 alt=...", then blocks
// indented by depth as "KIND@line text".
func dump(a *Article) string {
	var b strings.Builder
	fmt.Fprintf(&b, "intro%s\n", dumpDirs(a.IntroAlt, a.IntroDirectives))
	dumpBlocks(&b, a.Intro, 1)
	for _, s := range a.Sections {
		fmt.Fprintf(&b, "section@%d%s\n", s.Line, dumpDirs(s.Alt, s.Directives))
		dumpBlocks(&b, s.Blocks, 1)
	}
	return b.String()
}

func dumpDirs(alt string, dirs map[string]string) string {
	var parts []string
	if alt != "" {
		parts = append(parts, fmt.Sprintf("alt=%q", alt))
	}
	keys := make([]string, 0, len(dirs))
	for k := range dirs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		parts = append(parts, fmt.Sprintf("%s=%q", k, dirs[k]))
	}
	if len(parts) == 0 {
		return ""
	}
	return " " + strings.Join(parts, " ")
}

var kindNames = [...]string{"P", "H", "LIST", "QUOTE", "IMG", "TABLE", "CODE"}

func dumpBlocks(b *strings.Builder, blocks []Block, depth int) {
	for _, bl := range blocks {
		ind := strings.Repeat("  ", depth)
		name := kindNames[bl.Kind]
		switch bl.Kind {
		case Heading:
			name += fmt.Sprint(bl.Level)
		case List:
			if bl.Ordered {
				name = fmt.Sprintf("OL%d", bl.Start)
			} else {
				name = "UL"
			}
		}
		fmt.Fprintf(b, "%s%s@%d", ind, name, bl.Line)
		switch bl.Kind {
		case Image:
			fmt.Fprintf(b, " src=%q alt=%q", bl.Src, bl.Alt)
		case Table:
			for _, row := range bl.Rows {
				var cells []string
				for _, c := range row {
					cells = append(cells, dumpSpans(c))
				}
				fmt.Fprintf(b, " [%s]", strings.Join(cells, " | "))
			}
		default:
			if bl.Spans != nil {
				fmt.Fprintf(b, " %s", dumpSpans(bl.Spans))
			}
		}
		b.WriteByte('\n')
		for _, it := range bl.Items {
			fmt.Fprintf(b, "%s  -\n", ind)
			dumpBlocks(b, it.Blocks, depth+2)
		}
		dumpBlocks(b, bl.Children, depth+1)
	}
}

// dumpSpans writes each span as text in quotes, prefixed by its style
// letters: b(old) i(talic) c(ode) s(trike) l(ink, with its URL).
func dumpSpans(spans []Span) string {
	var parts []string
	for _, s := range spans {
		var p string
		for _, f := range []struct {
			st Style
			c  string
		}{{Bold, "b"}, {Italic, "i"}, {Code, "c"}, {Strike, "s"}, {Link, "l"}} {
			if s.Style&f.st != 0 {
				p += f.c
			}
		}
		if s.Style&Link != 0 {
			p += "<" + s.URL + ">"
		}
		parts = append(parts, p+fmt.Sprintf("%q", s.Text))
	}
	return strings.Join(parts, " ")
}
