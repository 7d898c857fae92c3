package catalog

// en is English, for a team that works in it (language: en).
var en = map[string]string{
	"bundles.title":        "Ready to post",
	"bundles.intro":        "Upload the slides in order, paste the caption, and add each slide's alt text under Advanced settings → Accessibility.",
	"bundles.none":         "No bundles yet. Run",
	"bundles.no_date":      "No date",
	"bundles.slide":        "Slide %d at full size",
	"bundles.caption":      "Caption",
	"bundles.copy_caption": "Copy caption",
	"bundles.zip":          "Download zip",
	"bundles.alt":          "Alt text",
	"bundles.save":         "Save",
	"bundles.save_all":     "Save all",
	"bundles.saved":        "Saved",
	"slides.one":           "%d slide",
	"slides.other":         "%d slides",

	"copy":            "Copy",
	"copied":          "Copied",
	"copy.long_press": "Long-press to copy",

	"status.draft":     "draft",
	"status.ready":     "ready",
	"status.published": "published",

	"report.no":        "No.",
	"report.date":      "Date",
	"report.title":     "Title",
	"report.pillar":    "Pillar",
	"report.slides":    "Slides",
	"report.status":    "Status",
	"report.url":       "URL",
	"report.file":      "File",
	"report.undated":   "not scheduled",
	"report.not_built": "not built",
}
