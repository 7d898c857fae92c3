package catalog

// id is Indonesian: the pages' default, for the people who post.
var id = map[string]string{
	// The export page, dist/bundles/index.html.
	"bundles.title":        "Siap diunggah",
	"bundles.intro":        "Unggah slide sesuai urutan, tempel keterangannya, lalu isi teks alternatif tiap slide di Pengaturan lanjutan → Aksesibilitas.",
	"bundles.none":         "Belum ada bundel. Jalankan",
	"bundles.no_date":      "Tanpa tanggal",
	"bundles.slide":        "Slide %d ukuran penuh",
	"bundles.caption":      "Keterangan",
	"bundles.copy_caption": "Salin keterangan",
	"bundles.zip":          "Unduh zip",
	"bundles.alt":          "Teks alternatif",
	"bundles.save":         "Simpan",
	"bundles.save_all":     "Simpan semua",
	"bundles.saved":        "Tersimpan",
	"slides.one":           "%d slide",
	"slides.other":         "%d slide",

	// Copy buttons, on every page.
	"copy":            "Salin",
	"copied":          "Tersalin",
	"copy.long_press": "Tekan lama untuk menyalin",

	// Post states.
	"status.draft":     "draf",
	"status.ready":     "siap",
	"status.published": "terbit",

	// The headers of `pkpm report`.
	"report.no":        "No.",
	"report.date":      "Tanggal",
	"report.title":     "Judul",
	"report.pillar":    "Pilar",
	"report.slides":    "Slide",
	"report.status":    "Status",
	"report.url":       "Tautan",
	"report.file":      "Berkas",
	"report.undated":   "belum dijadwalkan",
	"report.not_built": "belum dibuat",
}
