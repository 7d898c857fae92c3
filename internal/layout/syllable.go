package layout

import (
	"strings"
	"unicode"
)

// Word division follows the Indonesian spelling rules (PUEBI, pemenggalan
// kata): a break between two vowels unless they form a diphthong; before
// the consonant between two vowels; between two consonants; after the
// first of three or more. The digraphs kh, ng, ny and sy are one
// consonant. Boundaries between a stem and its affixes, and between the
// parts of a compound, are found first, and each part is divided on its
// own, so "makanan" divides as ma-kan-an, not ma-ka-nan. Words of other
// languages get the same rules: they rarely divide badly by them, and a
// dictionary of English would be out of proportion here.

// division is a place inside a word where it may be divided at a line end:
// the rune index the second part starts at.
type division struct {
	at   int
	pref bool // a boundary between morphemes: the nicer place to divide
}

// minPart is the fewest letters left on either side of a division.
const minPart = 2

// divisions lists where a run of letters may be divided, in order.
func divisions(word []rune) []division {
	lower := make([]rune, len(word))
	for i, r := range word {
		lower[i] = unicode.ToLower(r)
	}
	var out []division
	parts := morphemes(lower)
	start := 0
	for pi, end := range parts {
		for _, at := range syllableBreaks(lower[start:end]) {
			out = append(out, division{at: start + at})
		}
		if pi < len(parts)-1 {
			out = append(out, division{at: end, pref: true})
		}
		start = end
	}
	kept := out[:0]
	for _, d := range out {
		if d.at >= minPart && len(word)-d.at >= minPart {
			kept = append(kept, d)
		}
	}
	return kept
}

// sound is a letter or a digraph: one sound of the word.
type sound struct {
	start int
	vowel bool
}

func isVowel(r rune) bool {
	switch r {
	case 'a', 'e', 'i', 'o', 'u', 'é', 'è', 'ê', 'á', 'à', 'í', 'ó', 'ú', 'ö', 'ü', 'ä':
		return true
	}
	return false
}

// sounds splits a lower-case morpheme into sounds.
func sounds(w []rune) []sound {
	var out []sound
	for i := 0; i < len(w); i++ {
		out = append(out, sound{start: i, vowel: isVowel(w[i])})
		if i+1 < len(w) && isDigraph(w[i], w[i+1]) {
			i++
		}
	}
	return out
}

func isDigraph(a, b rune) bool {
	switch string([]rune{a, b}) {
	case "kh", "ng", "ny", "sy":
		return true
	}
	return false
}

// syllableBreaks divides one morpheme by the sound rules.
func syllableBreaks(w []rune) []int {
	us := sounds(w)
	var out []int
	prev := -1 // index in us of the last vowel
	for i, u := range us {
		if !u.vowel {
			continue
		}
		if prev >= 0 {
			switch n := i - prev - 1; {
			case n == 0:
				if !diphthong(w, us, prev) {
					out = append(out, u.start)
				}
			case n == 1, n == 2:
				out = append(out, us[i-1].start)
			default:
				out = append(out, us[prev+2].start)
			}
		}
		prev = i
	}
	return out
}

// diphthong reports whether the vowel at us[i] and the next one are sounded
// as one: ai, au, ei or oi at the end of a morpheme (pan-dai, sur-vei) or
// before a consonant and a vowel (sau-da-ra); before consonants that end
// the morpheme they are two (ma-in, la-ut, ba-ik).
func diphthong(w []rune, us []sound, i int) bool {
	switch string([]rune{w[us[i].start], w[us[i+1].start]}) {
	case "ai", "au", "ei", "oi":
	default:
		return false
	}
	for j := i + 2; j < len(us); j++ {
		if us[j].vowel {
			return true
		}
	}
	return i+2 == len(us)
}

// morphemes returns the end of each part of a word: a compound's first
// part, a prefix before a vowel-initial stem, the stem, and the suffix -an.
// Suffixes that start with a consonant (-kan, -nya, -lah) and prefixes
// before a consonant divide there by the sound rules anyway.
func morphemes(w []rune) []int {
	s := string(w)
	var ends []int
	start := 0
	for {
		n := leadingPart(s[start:])
		if n == 0 {
			break
		}
		start += n
		ends = append(ends, len([]rune(s[:start])))
	}
	if n := suffixAn(s[start:]); n > 0 {
		ends = append(ends, len(w)-n)
	}
	return append(ends, len(w))
}

// compounds are bound first parts written together with what follows
// (pascasarjana, antarwarga, nonaktif).
var compounds = []string{"ketidak", "pasca", "antar", "multi", "semi", "ultra", "ekstra", "infra", "supra",
	"inter", "intra", "anti", "tuna", "maha", "purna", "panca", "swa", "pra", "non", "dwi", "tri"}

// vowelStems are common stems that start with a vowel, for which
// meng-, peng-, ber-, ter- and per- keep their own syllable (meng-am-bil);
// otherwise the prefix's last consonant opens the next syllable, as it
// does after a dropped k (pe-nga-rang, from karang).
var vowelStems = []string{"ajar", "ajak", "ambil", "angkat", "antar", "atur", "awas", "alami", "alir", "angkut",
	"anggap", "arah", "asuh", "adil", "edar", "ekspor", "impor", "ikut", "isi", "ingat", "ubah", "ukur",
	"umum", "undang", "urus", "usaha", "usul", "uji", "ulang", "olah", "obat", "upaya", "ungsi", "aman",
	"amat", "umpul", "ambang", "injak", "ingin", "akhir", "awal", "abdi", "ada", "air", "anak", "asap"}

// leadingPart returns the byte length of a compound part or a prefix
// before a vowel-initial stem at the start of s, or 0.
func leadingPart(s string) int {
	for _, c := range compounds {
		if rest, ok := strings.CutPrefix(s, c); ok && syllables(rest) >= 2 && len(rest) >= 4 {
			return len(c)
		}
	}
	for _, p := range []string{"meng", "peng", "ber", "ter", "per"} {
		rest := strings.TrimPrefix(s, p)
		if rest == s {
			continue
		}
		for _, st := range vowelStems {
			if strings.HasPrefix(rest, st) {
				return len(p)
			}
		}
	}
	return 0
}

// notAn are words that end in -an without the suffix, of the shape the
// rule below would take for one.
var notAn = map[string]bool{"delapan": true, "sembilan": true, "halaman": true, "jembatan": true, "teladan": true,
	"ramadan": true, "veteran": true, "sultan": true, "setan": true, "selatan": true}

// suffixAn returns 2 when s ends in the suffix -an after a stem of two or
// more syllables, less any prefix, that ends in one consonant (makan-an,
// keuang-an, but ber-ja-lan), else 0. A word in -kan is taken as the
// suffix -kan (me-nya-nyi-kan), which divides by the sound rules.
func suffixAn(s string) int {
	if !strings.HasSuffix(s, "an") || strings.HasSuffix(s, "kan") || notAn[s] {
		return 0
	}
	stem := []rune(strings.TrimSuffix(s, "an"))
	if len(stem) < 3 || syllables(withoutPrefix(string(stem))) < 2 {
		return 0
	}
	us := sounds(stem)
	last := us[len(us)-1]
	if last.vowel || len(us) < 2 || !us[len(us)-2].vowel || stem[last.start] == 'w' {
		return 0 // -wan is a suffix of its own: pahlawan, relawan
	}
	return 2
}

// prefixes are the common verb and noun prefixes, longest first.
var prefixes = []string{"meng", "meny", "peng", "peny", "mem", "men", "pem", "pen", "ber", "ter", "per", "me", "pe", "ke", "se", "di"}

func withoutPrefix(s string) string {
	for _, p := range prefixes {
		if rest, ok := strings.CutPrefix(s, p); ok {
			return rest
		}
	}
	return s
}

// syllables counts the syllables of a morpheme.
func syllables(s string) int {
	w := []rune(s)
	if vowelGroups(s) == 0 {
		return 0
	}
	return 1 + len(syllableBreaks(w))
}

// vowelGroups counts runs of vowels: about the syllables of a word.
func vowelGroups(s string) int {
	n, in := 0, false
	for _, r := range s {
		v := isVowel(r)
		if v && !in {
			n++
		}
		in = v
	}
	return n
}
