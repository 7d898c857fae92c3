package diag

import "strings"

// Suggest returns the candidate the user most likely meant by word, or ""
// when none is close enough to be worth naming. Close means: equal but for
// case, one edit away, a prefix or part of a candidate (at least three
// letters, so "ti" does not pick "title"), or two edits away.
func Suggest(word string, candidates []string) string {
	w := strings.ToLower(strings.TrimSpace(word))
	if w == "" {
		return ""
	}
	best, bestDist := "", 3
	for _, c := range candidates {
		if d := editDistance(w, c); d < bestDist {
			best, bestDist = c, d
		}
	}
	if bestDist <= 1 {
		return best
	}
	if len(w) >= 3 {
		for _, c := range candidates {
			if strings.Contains(c, w) || strings.HasPrefix(w, c) {
				return c
			}
		}
	}
	return best
}

// editDistance is the optimal string alignment distance: insertions,
// deletions, substitutions and swaps of neighbours each cost one, which
// covers the usual typing slips ("titel", "hastags", "stauts").
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}
