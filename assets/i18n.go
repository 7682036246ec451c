package assets

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"sort"
)

// Translations holds the app's own translations, Fyne's dialog keys
// included (Fyne ships no Kazakh): i18n/kk.json and ru.json, plus
// i18n/kk-<feature>.json and ru-<feature>.json that add a feature's keys.
//
//go:embed i18n/*.json
var Translations embed.FS

// Languages lists the app's languages, the default first.
var Languages = []string{"kk", "ru"}

// Translation returns the JSON translation of a language (kk or ru): its
// main file merged with its feature files. A key defined twice is an error.
func Translation(code string) ([]byte, error) {
	files, err := fs.Glob(Translations, "i18n/"+code+"-*.json")
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	merged := map[string]any{}
	for _, name := range append([]string{"i18n/" + code + ".json"}, files...) {
		b, err := Translations.ReadFile(name)
		if err != nil {
			return nil, err
		}
		var part map[string]any
		if err := json.Unmarshal(b, &part); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		for k, v := range part {
			if _, dup := merged[k]; dup {
				return nil, fmt.Errorf("%s: key %q is already defined", name, k)
			}
			merged[k] = v
		}
	}
	return json.Marshal(merged)
}
