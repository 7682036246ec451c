// Package assets holds what the app embeds: fonts with their licences,
// the icon and the translations.
package assets

import (
	"embed"
	"fmt"
)

//go:embed fonts/*.ttf
var fonts embed.FS

// Font names of the embedded TTF files.
const (
	SerifRegular = "PTSerif-Regular.ttf" // letters: PT Serif (ParaType Free Font License)
	SerifBold    = "PTSerif-Bold.ttf"
	SerifItalic  = "PTSerif-Italic.ttf"
	SansRegular  = "DejaVuSans.ttf" // reports: DejaVu Sans, which also has ₸
	SansBold     = "DejaVuSans-Bold.ttf"
)

// Font returns an embedded font's bytes; it panics on an unknown name,
// which is a programming error caught by the tests.
func Font(name string) []byte {
	b, err := fonts.ReadFile("fonts/" + name)
	if err != nil {
		panic(fmt.Sprintf("assets: no font %s", name))
	}
	return b
}
