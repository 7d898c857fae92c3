package content

import "github.com/pkpm-btn3/pkpm/internal/diag"

// suggest returns the candidate the user most likely meant by word.
func suggest(word string, candidates []string) string { return diag.Suggest(word, candidates) }

// keyHints are the words volunteers reach for first, Indonesian and
// English, for the key they mean.
var keyHints = map[string]string{
	"judul": "title", "subjudul": "subtitle", "sub_judul": "subtitle",
	"tanggal": "date", "waktu": "date", "jadwal": "date",
	"tagar": "hashtags", "tags": "hashtags", "tag": "hashtags",
	"sumber": "sources", "referensi": "sources", "source": "sources",
	"keterangan": "caption", "sampul": "cover",
	"link": "url", "tautan": "url", "instagram": "url",
	"terbit": "published", "diterbitkan": "published", "posted": "published",
}
