package layout

import (
	"strings"
	"testing"
)

// hyphenate shows every place a word may be divided.
func hyphenate(w string) string {
	r := []rune(w)
	var b strings.Builder
	last := 0
	for _, d := range divisions(r) {
		b.WriteString(string(r[last:d.at]))
		b.WriteString("-")
		last = d.at
	}
	b.WriteString(string(r[last:]))
	return b.String()
}

func TestDivisions(t *testing.T) {
	for _, want := range []string{
		// The words.
		"pro-to-kol", "in-struk-si", "pe-ngem-bang-an", "me-nya-nyi-kan", "mu-sya-wa-rah", "makh-luk",
		"khu-sus", "bang-krut", "sau-da-ra", "sur-vei", "ber-ja-lan", "ma-kan-an", "per-bu-at-an",
		"meng-am-bil", "pe-nga-rang", "me-nu-tup", "ke-u-ang-an", "pas-ca-sar-ja-na", "kon-struk-si",
		"In-do-ne-sia",
		// The rules' own examples.
		"bu-ah", "ma-in", "pan-dai", "ba-pak", "de-ngan", "ke-nyang", "mu-ta-khir", "man-di", "kong-res",
		"ul-tra", "per-gi-lah",
		// Others: long derived words, diphthongs in context, -an roots.
		"Mem-per-ke-nal-kan", "ke-ti-dak-a-dil-an", "KE-TI-DAK-BER-TANG-GUNG-JA-WAB-AN",
		"pe-nye-bar-lu-as-an", "in-for-ma-si", "ke-se-hat-an", "ling-kung-an", "ke-ber-sih-an",
		"ke-lu-rah-an", "de-la-pan", "sem-bi-lan", "ha-la-man", "pah-la-wan", "ka-lau", "pan-tai",
		"la-ut-an", "da-un", "ba-ik", "non-ak-tif", "an-tar-war-ga", "se-mi-nar", "ma-sya-ra-kat",
		"me-ngem-bang-kan", "pro-to-kol-nya", "ru-mah", "Ja-kar-ta", "ti-dak", "ke-gi-at-an",
		"pem-ba-ngun-an", "ber-o-lah-ra-ga", "sang-gup", "ter-a-tur", "Pro-to-col", "mas-ker",
		"vak-sin", "Wa-ha-na", "pe-me-rin-tah-an",
		// At least two letters on each side.
		"itu", "ia", "air", "se-ru", "akan", "eko-no-mi", "ha-us",
	} {
		in := strings.ReplaceAll(want, "-", "")
		if got := hyphenate(in); got != want {
			t.Errorf("%s divides as %s, want %s", in, got, want)
		}
	}
}
