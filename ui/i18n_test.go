package ui

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"testing"

	"github.com/mektepkezhol/app/assets"
	"github.com/mektepkezhol/app/data"
)

func loadTranslation(t *testing.T, code string) map[string]any {
	t.Helper()
	b, err := assets.Translation(code)
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]any{}
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("%s.json: %v", code, err)
	}
	return m
}

// keysIn returns the keys a regexp's first group finds in the Go files
// (tests excluded) of a folder.
func keysIn(t *testing.T, dir string, re *regexp.Regexp) map[string]bool {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	keys := map[string]bool{}
	for _, f := range files {
		if matched, _ := filepath.Match("*_test.go", filepath.Base(f)); matched {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range re.FindAllStringSubmatch(string(b), -1) {
			keys[m[1]] = true
		}
	}
	return keys
}

// TestTranslationsComplete checks that kk.json and ru.json hold the same
// keys, every key the screens use, every validation and warning key and
// field of the store, and Fyne's own dialog keys.
func TestTranslationsComplete(t *testing.T) {
	kk, ru := loadTranslation(t, "kk"), loadTranslation(t, "ru")
	for k := range kk {
		if _, ok := ru[k]; !ok {
			t.Errorf("ru.json lacks %q", k)
		}
	}
	for k := range ru {
		if _, ok := kk[k]; !ok {
			t.Errorf("kk.json lacks %q", k)
		}
	}
	need := keysIn(t, ".", regexp.MustCompile(`lang\.L\("([a-z_]+\.[a-z_.]*[a-z_])"`))
	for k := range keysIn(t, "../data", regexp.MustCompile(`"((?:err|warn)\.[a-z_.]+)"`)) {
		need[k] = true
	}
	fields := regexp.MustCompile(`(?:invalid|field|parseID|Warning\{)\(?"([a-z_]+)"`)
	for f := range keysIn(t, "../data", fields) {
		need["field."+f] = true
	}
	for f := range keysIn(t, "../data", regexp.MustCompile(`Sprintf\("[a-z_]+\[%d\]\.([a-z_]+)"`)) {
		need["field.items."+f] = true
	}
	for _, name := range screenOrder {
		need["nav."+name] = true
	}
	add := func(prefix string, codes []string) {
		for _, c := range codes {
			need[prefix+c] = true
		}
	}
	add("sponsor.kind.", data.SponsorKinds)
	add("cat.", data.CategoryCodes)
	add("cat.short.", data.CategoryCodes)
	add("appeal.channel.", data.AppealChannels)
	add("appeal.status.", data.AppealStatuses)
	add("school.type.", data.SchoolTypes)
	add("sex.", []string{"", data.Male, data.Female})
	add("filter.helped.", []string{"", "yes", "no"})
	add("lang.", assets.Languages)
	add("", []string{"Cancel", "Confirm", "OK", "Yes", "No", "Save", "Error", "Open", "Quit", "Copy", "Paste", "Cut",
		"Select all", "Undo", "Redo", "file.name", "file.parent", "monday", "thursday"})
	var missing []string
	for k := range need {
		if _, ok := kk[k]; !ok {
			missing = append(missing, k)
		}
	}
	sort.Strings(missing)
	for _, k := range missing {
		t.Errorf("no translation for %q", k)
	}
	if len(need) < 200 {
		t.Fatalf("found only %d keys to check; the scan is broken", len(need))
	}
}
