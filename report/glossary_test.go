package report

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/mektepkezhol/app/data/lingo"
)

// TestPhrasesGlossary checks every phrase the documents write (the string
// literals of the package: letters, press texts, reports, the handover
// act) against the table «One word per concept» of shared/domain.md. A
// phrase with a Kazakh letter is read as Kazakh; every Cyrillic phrase is
// also read as Russian, whose «not» words are not Kazakh ones either.
func TestPhrasesGlossary(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	checked := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			lit, ok := n.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			s, err := strconv.Unquote(lit.Value)
			if err != nil || !strings.ContainsAny(strings.ToLower(s), "абвгдеёжзийклмнопрстуфхцчшщъыьэюя") {
				return true
			}
			checked++
			var found []lingo.Misword
			if strings.ContainsAny(strings.ToLower(s), "әіңғүұқөһ") {
				found = append(found, lingo.Miswords("kk", s)...)
			}
			for _, w := range append(found, lingo.Miswords("ru", s)...) {
				t.Errorf("%s: %q: «%s», use %s", fset.Position(lit.Pos()), s, w.Found, w.Use)
			}
			return true
		})
	}
	if checked < 100 {
		t.Fatalf("only %d phrases found: the documents' phrase tables have moved", checked)
	}
}
