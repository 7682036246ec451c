package assets

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/mektepkezhol/app/data/lingo"
)

// TestGlossary checks every translation against the table «One word per
// concept» (shared/domain.md): no value uses a word of its «not» column,
// and the hotline and the trust phone are never named one for the other.
func TestGlossary(t *testing.T) {
	channels := map[string][2]string{ // key part → the channel's words kk, ru
		"hotline":     {"жедел желі", "горячая линия"},
		"trust_phone": {"сенім телефоны", "телефон доверия"},
	}
	eachValue(t, func(i int, code, key, s string) {
		for _, w := range lingo.Miswords(code, s) {
			t.Errorf("%s %s = %q: «%s», use %s", code, key, s, w.Found, w.Use)
		}
		for part, words := range channels {
			if strings.HasSuffix(key, "."+part) && !strings.Contains(strings.ToLower(s), words[i]) {
				t.Errorf("%s %s = %q, want «%s»", code, key, s, words[i])
			}
		}
	})
}

// jargon are words a clerk must not meet: the program's internal codes
// (languages, roles) and a database's words.
var jargon = regexp.MustCompile(`(?i)(^|[^\p{L}])(транзакци\p{L}*|схем\p{L}*|kk|ru|both|clerk|head|admin)($|[^\p{L}])`)

// TestNoJargon checks that no translation shows the clerk a code or jargon.
func TestNoJargon(t *testing.T) {
	eachValue(t, func(_ int, code, key, s string) {
		if jargon.MatchString(s) {
			t.Errorf("%s %s = %q: %q is a code or jargon", code, key, s, jargon.FindStringSubmatch(s)[2])
		}
	})
}

// eachValue calls check with every translation's values, a plural one's
// forms joined, and the language's index in Languages.
func eachValue(t *testing.T, check func(i int, code, key, value string)) {
	t.Helper()
	for i, code := range Languages {
		b, err := Translation(code)
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatal(err)
		}
		for key, v := range m {
			check(i, code, key, flatten(v))
		}
	}
}

// flatten joins the forms of a plural translation ({"one": …, "other": …}).
func flatten(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case map[string]any:
		var parts []string
		for _, f := range v {
			parts = append(parts, flatten(f))
		}
		return strings.Join(parts, " | ")
	}
	return ""
}
