package content

import (
	"strings"

	"github.com/pkpm-btn3/pkpm/internal/diag"
)

// suggest returns the candidate the user most likely meant by word.
func suggest(word string, candidates []string) string { return diag.Suggest(word, candidates) }

// suggestKey also knows the Indonesian words volunteers reach for first.
func suggestKey(key string) string {
	switch strings.ToLower(key) {
	case "judul":
		return "title"
	case "subjudul", "sub_judul":
		return "subtitle"
	case "tanggal", "waktu", "jadwal":
		return "date"
	case "tagar", "tags", "tag":
		return "hashtags"
	case "sumber", "referensi", "source":
		return "sources"
	case "keterangan":
		return "caption"
	case "sampul":
		return "cover"
	case "link", "tautan", "instagram":
		return "url"
	case "terbit", "diterbitkan", "posted":
		return "published"
	}
	return suggest(key, frontMatterKeys)
}
