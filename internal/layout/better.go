package layout

import (
	"slices"
	"unicode"
)

// setLines breaks a block's words into lines the way a typesetter would.
// A balanced block (a title) takes, of the ways to break it into as few
// lines as its width allows, the one whose lines are most alike in length
// (CSS text-wrap: balance). Then no block ends on a lone word where moving
// one word down keeps the number of lines (text-wrap: pretty): a balanced
// block of three or more words, any other of six or more.
//
// The ways are compared measured only (see measureBefore); the one chosen
// is set in full.
func (s *shaper) setLines(words []word, maxW float32, balance bool) broken {
	return s.full(words, s.chooseLines(words, maxW, balance))
}

func (s *shaper) chooseLines(words []word, maxW float32, balance bool) broken {
	r := s.measureAt(words, maxW, -1)
	n := r.count()
	if n < 2 {
		return r
	}
	least := 6
	if balance {
		least = 3
	}
	pretty := countWords(words) >= least
	if !balance {
		if pretty {
			r = s.pretty(words, maxW, r)
		}
		return r
	}
	best, score := r, float32(-1)
	for w := maxW; ; {
		t := s.measureAt(words, w, -1)
		if t.count() != n || t.broken != r.broken {
			break
		}
		if pretty {
			t = s.pretty(words, w, t)
		}
		if sc := ragged(t); (score < 0 || sc < score) && !(pretty && lone(words, t)) {
			best, score = t, sc
		}
		w = widest(t) - 0.01 // the next narrower way to break
	}
	if score < 0 && pretty {
		best = s.pretty(words, maxW, r)
	}
	// Narrowing the measure reaches only the breaks a greedy fill makes;
	// a short title is also tried every other way into n lines, which
	// finds "Bimbingan / Belajar Gratis / untuk Anak-Anak" where greedy
	// keeps "Bimbingan Belajar" together.
	if t, ok := s.balanceAll(words, maxW, n, pretty); ok && !r.broken && (score < 0 || ragged(t) < ragged(best)) {
		return t
	}
	return best
}

// maxBalanceWays bounds the ways balanceAll tries: a title, not a
// paragraph.
const maxBalanceWays = 400

// balanceAll tries every way to break words into n lines no wider than
// maxW, and returns the least ragged, without a lone last word when
// pretty; ok is false when there is none or too many to try.
func (s *shaper) balanceAll(words []word, maxW float32, n int, pretty bool) (broken, bool) {
	var starts []int // the words a line may start with
	for i := 1; i < len(words); i++ {
		if words[i].text() == "" || endsHard(words[i-1]) {
			continue
		}
		starts = append(starts, i)
	}
	for _, w := range words[:lastWord(words)] {
		if endsHard(w) {
			return broken{}, false // hard line breaks: the author broke it
		}
	}
	if n < 2 || n-1 > len(starts) || binomial(len(starts), n-1) > maxBalanceWays {
		return broken{}, false
	}
	var best broken
	found := false
	pick := make([]bool, len(words))
	var try func(from, left int)
	try = func(from, left int) {
		if left == 0 {
			t := s.measureBefore(words, maxW, func(i int) bool { return pick[i] })
			if t.count() == n && !t.broken && !(pretty && lone(words, t)) && (!found || ragged(t) < ragged(best)) {
				chosen := slices.Clone(pick)
				t.brk = func(i int) bool { return chosen[i] }
				best, found = t, true
			}
			return
		}
		for k := from; k <= len(starts)-left; k++ {
			pick[starts[k]] = true
			try(k+1, left-1)
			pick[starts[k]] = false
		}
	}
	try(0, n-1)
	return best, found
}

func binomial(n, k int) int {
	r := 1
	for i := 1; i <= k; i++ {
		r = r * (n - k + i) / i
		if r > 1<<20 {
			return r
		}
	}
	return r
}

// pretty keeps a lone word off the last line without the number of
// lines changing. It sets the last three lines again, the way whose lines
// before the last come nearest the full measure; moving only the word
// before the lone one down could leave that word alone a line higher.
func (s *shaper) pretty(words []word, w float32, r broken) broken {
	if !lone(words, r) {
		return r
	}
	n := r.count()
	tail := min(3, n)
	first := 0 // the first word of the tail
	for first < len(words) && r.wordLine[first] < n-tail {
		first++
	}
	best, score := r, float32(-1)
	for _, k := range tailBreaks(words, first, tail-1) {
		t := s.measureBefore(words, w, func(i int) bool { return i == first || k[i] })
		if t.count() != n || lone(words, t) || t.broken && !r.broken {
			continue
		}
		var sc float32
		for i := n - tail; i < n-1; i++ {
			sc += (w - t.width(i)) * (w - t.width(i))
		}
		if score < 0 || sc < score {
			best, score = t, sc
		}
	}
	return best
}

// tailBreaks lists the ways to start m more lines among the words after
// first: each a set of the words that start a line. A tail of a dozen
// words or so has a few dozen.
func tailBreaks(words []word, first, m int) []map[int]bool {
	var starts []int
	for i := first + 1; i < len(words); i++ {
		if words[i].text() != "" && !endsHard(words[i-1]) {
			starts = append(starts, i)
		}
	}
	if m < 1 || m > len(starts) || binomial(len(starts), m) > maxBalanceWays {
		return nil
	}
	var out []map[int]bool
	var pick func(from, left int, cur []int)
	pick = func(from, left int, cur []int) {
		if left == 0 {
			set := map[int]bool{}
			for _, i := range cur {
				set[i] = true
			}
			out = append(out, set)
			return
		}
		for j := from; j <= len(starts)-left; j++ {
			pick(j+1, left-1, append(cur, starts[j]))
		}
	}
	pick(0, m, nil)
	return out
}

// lone reports whether the last line holds one word alone.
func lone(words []word, r broken) bool {
	k := lastWord(words)
	n := r.count()
	return n > 1 && k >= 1 && r.wordLine[k] == n-1 && r.wordLine[k-1] != n-1
}

func lastWord(words []word) int {
	k := len(words) - 1
	for k > 0 && words[k].text() == "" {
		k-- // trailing whitespace is not a word
	}
	return k
}

// ragged is how unlike its lines' lengths are: the sum of squares of each
// line's shortfall from the longest.
func ragged(r broken) float32 {
	m := widest(r)
	var sum float32
	for i := range r.count() {
		d := m - r.width(i)
		sum += d * d
	}
	return sum
}

func widest(r broken) float32 {
	var m float32
	for i := range r.count() {
		m = max(m, r.width(i))
	}
	return m
}

// text is a word's core text, for telling words from whitespace.
func (w word) text() string {
	var t string
	for i, a := range w.atoms {
		t += a.text
		if i < len(w.atoms)-1 {
			t += a.spaceText
		}
	}
	return t
}

func countWords(words []word) int {
	n := 0
	for _, w := range words {
		if w.text() != "" {
			n++
		}
	}
	return n
}

// glue joins words that must not be split over two lines: a number and
// the short unit or abbreviation after it (20 detik, 08.00 WIB), a short
// abbreviation and the number after it (RT 04, Rp 10.000, No. 3), and an
// emoji and the word before it. Glued words still part where one alone is
// wider than the line.
func glue(words []word) []word {
	var out []word
	for _, w := range words {
		if n := len(out); n > 0 && !endsHard(out[n-1]) && sticks(out[n-1].text(), w.text()) {
			out[n-1].atoms = append(out[n-1].atoms, w.atoms...)
			continue
		}
		out = append(out, w)
	}
	return out
}

func endsHard(w word) bool {
	return len(w.atoms) == 0 || w.atoms[len(w.atoms)-1].forceBreak
}

// sticks reports whether next must stay on the line of prev.
func sticks(prev, next string) bool {
	if next == "" || prev == "" {
		return false
	}
	if !hasAlnum(next) && hasEmoji(next) {
		return true
	}
	last := lastPart(prev)
	if isNumber(last) && !endsSentence(last) {
		return isUnit(next)
	}
	return isNumber(next) && isAbbreviation(last)
}

// lastPart is the last space-separated part of a glued word.
func lastPart(s string) string {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == ' ' {
			return s[i+1:]
		}
	}
	return s
}

func hasAlnum(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

func hasEmoji(s string) bool {
	for _, r := range s {
		if r >= 0x1F000 || r >= 0x2600 && r <= 0x27BF || r == 0xFE0F {
			return true
		}
	}
	return false
}

// isNumber is a figure as written: 04, 10.000, 08.00, 3,5%, (2).
func isNumber(s string) bool {
	for _, r := range s {
		if unicode.IsDigit(r) {
			return true
		}
		if unicode.IsLetter(r) {
			return false
		}
	}
	return false
}

func endsSentence(s string) bool {
	r := []rune(s)
	if len(r) == 0 {
		return false
	}
	switch r[len(r)-1] {
	case '.', ',', ';', ':', '!', '?', ')':
		return true
	}
	return false
}

// isUnit is a short word after a number: a unit or a counted thing
// (detik, WIB, kg, orang), up to six letters with nothing but closing
// punctuation after them.
func isUnit(s string) bool {
	letters := 0
	for i, r := range []rune(s) {
		switch {
		case unicode.IsLetter(r):
			letters++
			if letters > 6 {
				return false
			}
		case i == 0:
			return r == '%'
		}
	}
	return letters > 0 || s == "%"
}

// isAbbreviation is a short abbreviation before a number: RT, RW, Rp,
// No., Jl., Hal. — up to four capitals, up to three letters
// starting with a capital, or up to four letters ending in a full stop.
func isAbbreviation(s string) bool {
	r := []rune(s)
	dot := len(r) > 0 && r[len(r)-1] == '.'
	if dot {
		r = r[:len(r)-1]
	}
	if len(r) == 0 || !unicode.IsUpper(r[0]) && !dot {
		return false
	}
	caps := true
	for _, c := range r {
		if !unicode.IsLetter(c) {
			return false
		}
		caps = caps && unicode.IsUpper(c)
	}
	switch {
	case caps && len(r) <= 4:
		return true
	case dot:
		return len(r) <= 4
	}
	return len(r) <= 3
}
