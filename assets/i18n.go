package assets

import "embed"

// Translations holds the app's own kk.json and ru.json, Fyne's dialog keys
// included (Fyne ships no Kazakh). Load them with lang.AddTranslationsFS.
//
//go:embed i18n/*.json
var Translations embed.FS

// Languages lists the app's languages, the default first.
var Languages = []string{"kk", "ru"}

// Translation returns the JSON translation of a language (kk or ru).
func Translation(code string) ([]byte, error) {
	return Translations.ReadFile("i18n/" + code + ".json")
}
