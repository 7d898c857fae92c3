package check

import "github.com/pkpm-btn3/pkpm/internal/diag"

// The rules, by id. Instagram's figures are from Meta's Content Publishing
// documentation; the hashtag limit as reported when Instagram changed it
// in December 2025 (configurable, since it has changed before).
var (
	CaptionLength    = Rule{ID: "caption-length", Severity: diag.Error, Hint: "shorten the caption to 2,200 characters or fewer"}
	Mentions         = Rule{ID: "mentions", Severity: diag.Error, Hint: "mention at most 20 accounts"}
	HashtagCount     = Rule{ID: "hashtag-count", Severity: diag.Error, Hint: "keep the strongest hashtags; the limit is instagram.max_hashtags in pkpm.yaml"}
	HashtagDuplicate = Rule{ID: "hashtag-duplicate", Severity: diag.Warning, Hint: "remove the repeated hashtag"}
	HashtagInvalid   = Rule{ID: "hashtag-invalid", Severity: diag.Error, Hint: "hashtags may hold only letters, digits and underscores"}
	CaptionHook      = Rule{ID: "caption-hook", Severity: diag.Warning, Hint: "start the caption with a sentence that makes people tap \"more\"; only about 125 characters show"}
	CarouselMax      = Rule{ID: "carousel-max", Severity: diag.Error, Hint: "Instagram takes at most 20 items: split the post or shorten it"}
	CarouselAPI      = Rule{ID: "carousel-api", Severity: diag.Warning, Hint: "the publishing API and most schedulers take at most 10 items; post from the app or shorten it"}
	AspectMismatch   = Rule{ID: "aspect-mismatch", Severity: diag.Error, Hint: "give every slide the first slide's size; Instagram crops the rest to it"}
	ImageFormat      = Rule{ID: "image-format", Severity: diag.Error, Hint: "export slides as sRGB JPEG"}
	ImageBytes       = Rule{ID: "image-bytes", Severity: diag.Error, Hint: "Instagram takes JPEGs up to 8 MB: use smaller photos"}
	AspectRange      = Rule{ID: "aspect-range", Severity: diag.Error, Hint: "use portrait (4:5), square or landscape (1.91:1)"}
	AltLength        = Rule{ID: "alt-length", Severity: diag.Error, Hint: "Instagram takes alt text up to 1,000 characters: shorten it with <!-- alt: ... -->"}
	TextContinued    = Rule{ID: "text-continued", Severity: diag.Warning, Hint: "shorten the text or split it with a \"---\" break"}
	TextMinSize      = Rule{ID: "text-min-size", Severity: diag.Warning, Hint: "the text only fits at the smallest size; shorten it so it reads well on a phone"}
	WordBroken       = Rule{ID: "word-broken", Severity: diag.Warning, Hint: "a word is divided only when no size down to the smallest fits it whole: use a shorter word, shorten the text or put a long link in the caption"}
	Contrast         = Rule{ID: "contrast", Severity: diag.Error, Hint: "darken the text or lighten what is behind it (WCAG AA: 4.5:1, 3:1 for large text)"}
	BodyLink         = Rule{ID: "body-link", Severity: diag.Warning, Hint: "links are not clickable on Instagram: write a short address or say \"link in bio\""}
	ImageUpscaled    = Rule{ID: "image-upscaled", Severity: diag.Warning, Hint: "use a larger photo; stretched photos look blurry"}
	SourcesMissing   = Rule{ID: "sources-missing", Severity: diag.Warning, Hint: "add sources: to the front matter; education posts should say where facts come from"}
	ImageAlt         = Rule{ID: "image-alt", Severity: diag.Warning, Hint: "describe the image: ![what it shows](file.jpg)"}
	Placeholder      = Rule{ID: "placeholder", Severity: diag.Error, Hint: "replace each [[...]] the archetype left with the post's own text, or delete it"}
	Build            = Rule{ID: "build", Severity: diag.Error} // the message says the fix
	BuildWarning     = Rule{ID: "build-warning", Severity: diag.Warning}
)

// All lists every rule of this package, for documentation and tests.
var All = []Rule{CaptionLength, Mentions, HashtagCount, HashtagDuplicate, HashtagInvalid, CaptionHook,
	CarouselMax, CarouselAPI, AspectMismatch, ImageFormat, ImageBytes, AspectRange, AltLength,
	TextContinued, TextMinSize, WordBroken, Contrast, BodyLink, ImageUpscaled, SourcesMissing, ImageAlt,
	Placeholder, Build, BuildWarning}
