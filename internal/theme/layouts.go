package theme

// The template format, as decoded. Every struct is decoded strictly: a key
// it does not name is an error. Decoding a child template onto its parent
// overrides exactly the keys the child gives (a background, a list of
// decorations and a slot are replaced whole).

// TypeStyle is a font role's face, sizes and spacing.
type TypeStyle struct {
	Font       Face    `yaml:"font"`
	Max        float64 `yaml:"max"`
	Min        float64 `yaml:"min"`
	LineHeight float64 `yaml:"line_height"`
	Tracking   float64 `yaml:"tracking"` // letter spacing, in ems
	Case       Case    `yaml:"case"`
}

// TypeRoles are the five font roles.
type TypeRoles struct {
	Title   TypeStyle `yaml:"title"`
	Heading TypeStyle `yaml:"heading"`
	Body    TypeStyle `yaml:"body"`
	Quote   TypeStyle `yaml:"quote"`
	Small   TypeStyle `yaml:"small"`
}

// Margins are the free space along each edge, in pixels.
type Margins struct {
	Top    float64 `yaml:"top"`
	Right  float64 `yaml:"right"`
	Bottom float64 `yaml:"bottom"`
	Left   float64 `yaml:"left"`
}

// Canvas is one size a template can draw.
type Canvas struct {
	Width   int      `yaml:"width"`
	Height  int      `yaml:"height"`
	Margins *Margins `yaml:"margins"` // replaces the template's margins on this size
}

// Sizes are the canvases of a template.
type Sizes struct {
	Portrait  *Canvas `yaml:"portrait"`
	Square    *Canvas `yaml:"square"`
	Landscape *Canvas `yaml:"landscape"`
}

// Chrome is a header or footer: what its left, centre and right show.
type Chrome struct {
	Left     SlotItems `yaml:"left"`
	Center   SlotItems `yaml:"center"`
	Right    SlotItems `yaml:"right"`
	LogoSize float64   `yaml:"logo_size"`
}

// Panel is a card behind a slide's text.
type Panel struct {
	Color   ColorRef `yaml:"color"`
	Opacity *Opacity `yaml:"opacity"`
	Radius  float64  `yaml:"radius"`
	Padding float64  `yaml:"padding"`
}

// Decoration is a shape placed from an anchor of the canvas.
type Decoration struct {
	Shape     Shape    `yaml:"shape"`
	Anchor    Anchor   `yaml:"anchor"`
	X         float64  `yaml:"x"`
	Y         float64  `yaml:"y"`
	W         float64  `yaml:"w"`
	H         float64  `yaml:"h"`
	Radius    float64  `yaml:"radius"`    // rect: corner radius
	Thickness float64  `yaml:"thickness"` // ring: stroke width
	Gap       float64  `yaml:"gap"`       // dots: distance between centres
	Dot       float64  `yaml:"dot"`       // dots: diameter
	Color     ColorRef `yaml:"color"`
	Opacity   *Opacity `yaml:"opacity"`
}

// Overlay is a colour laid over a photo under text; its opacity is a
// minimum that the build raises where the photo needs it.
type Overlay struct {
	Color   ColorRef `yaml:"color"`
	Opacity *Opacity `yaml:"opacity"`
	Area    Area     `yaml:"area"`
}

// LayoutBase is what every slide kind's layout says.
type LayoutBase struct {
	Background  Background   `yaml:"background"`
	Text        ColorRef     `yaml:"text"`    // body and title text
	Heading     ColorRef     `yaml:"heading"` // headings, subtitle, the big number
	Accent      ColorRef     `yaml:"accent"`  // bars, markers, quote marks, tag
	Chrome      ColorRef     `yaml:"chrome"`  // header and footer
	Align       Align        `yaml:"align"`
	VAlign      VAlign       `yaml:"valign"`
	Panel       *Panel       `yaml:"panel"`
	Decorations []Decoration `yaml:"decorations"`
	Shapes      []ShapeSpec  `yaml:"shapes"`
	// TitleMin is the smallest size of the kind's title, in pixels: the
	// cover's title, the stat's figure, the closing's call to action, the
	// heading of the other kinds. Only there is a word of it divided.
	TitleMin *float64 `yaml:"title_min"`
}

// CoverLayout is the first slide's.
type CoverLayout struct {
	LayoutBase `yaml:",inline"`
	Tag        TagStyle `yaml:"tag"`
	TagText    ColorRef `yaml:"tag_text"`
	Hint       *bool    `yaml:"hint"`
	Photo      Overlay  `yaml:"photo"`
}

// ContentLayout is a text slide's.
type ContentLayout struct {
	LayoutBase `yaml:",inline"`
	Rule       RuleStyle `yaml:"rule"`
	Short      *Short    `yaml:"short"`
}

// Short is how a content slide with little text is set: a slide whose
// text would fill about half its box at the body size is set larger, up
// to Size, and placed at the top or the centre of its box.
type Short struct {
	Size  float64 `yaml:"size"`
	Place Place   `yaml:"place"`
}

// ListLayout is a list slide's.
type ListLayout struct {
	LayoutBase `yaml:",inline"`
	Rule       RuleStyle   `yaml:"rule"`
	Markers    MarkerStyle `yaml:"markers"`
	BadgeText  ColorRef    `yaml:"badge_text"`
}

// QuoteLayout is a pull quote's.
type QuoteLayout struct {
	LayoutBase `yaml:",inline"`
	Mark       *bool `yaml:"mark"`
}

// ImageLayout is a photo slide's.
type ImageLayout struct {
	LayoutBase `yaml:",inline"`
	Mode       ImageMode `yaml:"mode"`
	Radius     *float64  `yaml:"radius"`
	Caption    Overlay   `yaml:"caption"`
}

// StatLayout is a big-number slide's.
type StatLayout struct {
	LayoutBase `yaml:",inline"`
}

// ClosingLayout is the call to action's.
type ClosingLayout struct {
	LayoutBase `yaml:",inline"`
	Icons      *bool `yaml:"icons"`
}

// SourcesLayout is the sources slide's.
type SourcesLayout struct {
	LayoutBase `yaml:",inline"`
	Rule       RuleStyle `yaml:"rule"`
}

// Layouts hold one layout per slide kind. Cover, content and closing are
// required; a kind left out uses the content layout.
type Layouts struct {
	Cover   *CoverLayout   `yaml:"cover"`
	Content *ContentLayout `yaml:"content"`
	List    *ListLayout    `yaml:"list"`
	Quote   *QuoteLayout   `yaml:"quote"`
	Image   *ImageLayout   `yaml:"image"`
	Stat    *StatLayout    `yaml:"stat"`
	Closing *ClosingLayout `yaml:"closing"`
	Sources *SourcesLayout `yaml:"sources"`
}

// Kinds are the slide kinds, in the order the format lists them.
var Kinds = []string{"cover", "content", "list", "quote", "image", "stat", "closing", "sources"}

// base returns the common part of a kind's layout, or nil when the
// template leaves the kind out.
func (l *Layouts) base(kind string) *LayoutBase {
	switch kind {
	case "cover":
		if l.Cover != nil {
			return &l.Cover.LayoutBase
		}
	case "content":
		if l.Content != nil {
			return &l.Content.LayoutBase
		}
	case "list":
		if l.List != nil {
			return &l.List.LayoutBase
		}
	case "quote":
		if l.Quote != nil {
			return &l.Quote.LayoutBase
		}
	case "image":
		if l.Image != nil {
			return &l.Image.LayoutBase
		}
	case "stat":
		if l.Stat != nil {
			return &l.Stat.LayoutBase
		}
	case "closing":
		if l.Closing != nil {
			return &l.Closing.LayoutBase
		}
	case "sources":
		if l.Sources != nil {
			return &l.Sources.LayoutBase
		}
	}
	return nil
}
