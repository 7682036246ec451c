package exchange

import (
	"strings"
	"testing"

	"github.com/mektepkezhol/app/data/lingo"
)

// TestMessagesGlossary checks the import's problem messages, the field
// labels of its mapping step against the table «One word per concept», in
// kk and ru. A warning's own mark «(ескерту)» is the word's right use
// (warning), not the notes field the table keeps it from.
func TestMessagesGlossary(t *testing.T) {
	for _, set := range []map[string][2]string{messages, fieldLabels} {
		for key, pair := range set {
			for i, lang := range []string{"kk", "ru"} {
				text := strings.ReplaceAll(pair[i], "(ескерту)", "")
				for _, w := range lingo.Miswords(lang, text) {
					t.Errorf("%s %s = %q says «%s», use %s", lang, key, pair[i], w.Found, w.Use)
				}
			}
		}
	}
}
