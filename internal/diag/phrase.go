package diag

// SuggestPhrase is Suggest for long names such as slugs and titles, where
// a slip of several letters still leaves the name plain to see: besides
// what Suggest finds, it takes the closest candidate within one edit per
// four letters.
func SuggestPhrase(word string, candidates []string) string {
	if s := Suggest(word, candidates); s != "" {
		return s
	}
	best, bestDist := "", len([]rune(word))/4+1
	for _, c := range candidates {
		if d := editDistance(word, c); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}
