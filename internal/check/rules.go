package check

import "github.com/pkpm-btn3/pkpm/internal/diag"

// The rules, by id. Instagram's figures are from Meta's Content Publishing
// documentation; the hashtag limit as reported when Instagram changed it
// in December 2025 (configurable, since it has changed before).
var (
	CaptionLength    = Rule{"caption-length", diag.Error, "shorten the caption to 2,200 characters or fewer"}
	Mentions         = Rule{"mentions", diag.Error, "mention at most 20 accounts"}
	HashtagCount     = Rule{"hashtag-count", diag.Error, "keep the strongest hashtags; the limit is instagram.max_hashtags in pkpm.yaml"}
	HashtagDuplicate = Rule{"hashtag-duplicate", diag.Warning, "remove the repeated hashtag"}
	HashtagInvalid   = Rule{"hashtag-invalid", diag.Error, "hashtags may hold only letters, digits and underscores"}
	CaptionHook      = Rule{"caption-hook", diag.Warning, "start the caption with a sentence that makes people tap \"more\"; only about 125 characters show"}
	CarouselMax      = Rule{"carousel-max", diag.Error, "Instagram takes at most 20 items: split the post or shorten it"}
	CarouselAPI      = Rule{"carousel-api", diag.Warning, "the publishing API and most schedulers take at most 10 items; post from the app or shorten it"}
	AspectMismatch   = Rule{"aspect-mismatch", diag.Error, "give every slide the first slide's size; Instagram crops the rest to it"}
	ImageFormat      = Rule{"image-format", diag.Error, "export slides as sRGB JPEG"}
	ImageBytes       = Rule{"image-bytes", diag.Error, "Instagram takes JPEGs up to 8 MB: use smaller photos"}
	AspectRange      = Rule{"aspect-range", diag.Error, "use portrait (4:5), square or landscape (1.91:1)"}
	AltLength        = Rule{"alt-length", diag.Error, "Instagram takes alt text up to 1,000 characters: shorten it with <!-- alt: ... -->"}
	TextContinued    = Rule{"text-continued", diag.Warning, "shorten the text or split it with a \"---\" break"}
	TextMinSize      = Rule{"text-min-size", diag.Warning, "the text only fits at the smallest size; shorten it so it reads well on a phone"}
	WordBroken       = Rule{"word-broken", diag.Warning, "shorten the word or URL, or put it in the caption"}
	Contrast         = Rule{"contrast", diag.Error, "darken the text or lighten what is behind it (WCAG AA: 4.5:1, 3:1 for large text)"}
	BodyLink         = Rule{"body-link", diag.Warning, "links are not clickable on Instagram: write a short address or say \"link in bio\""}
	ImageUpscaled    = Rule{"image-upscaled", diag.Warning, "use a larger photo; stretched photos look blurry"}
	SourcesMissing   = Rule{"sources-missing", diag.Warning, "add sources: to the front matter; education posts should say where facts come from"}
	ImageAlt         = Rule{"image-alt", diag.Warning, "describe the image: ![what it shows](file.jpg)"}
	Build            = Rule{"build", diag.Error, "fix the post so it builds"}
	BuildWarning     = Rule{"build-warning", diag.Warning, "see the message"}
)

// All lists every rule of this package, for documentation and tests.
var All = []Rule{CaptionLength, Mentions, HashtagCount, HashtagDuplicate, HashtagInvalid, CaptionHook,
	CarouselMax, CarouselAPI, AspectMismatch, ImageFormat, ImageBytes, AspectRange, AltLength,
	TextContinued, TextMinSize, WordBroken, Contrast, BodyLink, ImageUpscaled, SourcesMissing, ImageAlt,
	Build, BuildWarning}
