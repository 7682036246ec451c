package assets

import _ "embed"

// Icon is the app's icon: a blue backpack with a gold sun, 512×512 PNG.
//
//go:embed icon.png
var Icon []byte
