package guide_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"github.com/mektepkezhol/app/assets"
	"github.com/mektepkezhol/app/docs/guide"
)

// The task pages the issue asks for, in the campaign's order.
var tasks = []string{"01-setup", "02-import", "03-donations", "04-giving", "05-appeals", "06-coverage",
	"07-letters", "08-reports", "09-backup", "10-server"}

// TestPagesInBothLanguages checks that kk and ru have the same pages, the
// contents first, and that the contents links every task.
func TestPagesInBothLanguages(t *testing.T) {
	for _, lang := range assets.Languages {
		pages, err := guide.Pages(lang)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, p := range pages {
			names = append(names, p.Name)
			if p.Title == "" {
				t.Fatalf("%s/%s.md has no «# » heading", lang, p.Name)
			}
		}
		if got, want := strings.Join(names, " "), guide.Contents+" "+strings.Join(tasks, " "); got != want {
			t.Fatalf("%s pages: %s\nwant: %s", lang, got, want)
		}
		linked := map[string]bool{}
		for _, l := range parse(t, pages[0].Text).links {
			linked[l] = true
		}
		for _, name := range tasks {
			if !linked[name+".md"] {
				t.Fatalf("%s/%s.md does not link %s.md", lang, guide.Contents, name)
			}
		}
	}
}

// TestLinksAndScreenshotsExist checks every link and image of every page
// against the files of the repository, screenshots in the page's language.
func TestLinksAndScreenshotsExist(t *testing.T) {
	for _, lang := range assets.Languages {
		pages, err := guide.Pages(lang)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range pages {
			md := parse(t, p.Text)
			for _, l := range append(md.links, md.images...) {
				if strings.Contains(l, "://") {
					continue
				}
				target, _, _ := strings.Cut(l, "#")
				if _, err := os.Stat(filepath.Join(lang, target)); err != nil {
					t.Errorf("%s/%s.md: broken link %s", lang, p.Name, l)
				}
			}
			for _, img := range md.images {
				if !strings.HasPrefix(filepath.Base(img), lang+"-") {
					t.Errorf("%s/%s.md: screenshot %s is not of the %s interface", lang, p.Name, img, lang)
				}
			}
		}
	}
}

// TestScreenWordsAreTheApps checks that every word the guide sets in bold
// — the convention for a button, a field or a menu as the screen shows it
// — is a text of the app's translation in the page's language, so the
// guide and the buttons cannot drift apart. {{.N}} in a translation
// stands for any text.
func TestScreenWordsAreTheApps(t *testing.T) {
	for _, lang := range assets.Languages {
		b, err := assets.Translation(lang)
		if err != nil {
			t.Fatal(err)
		}
		var tr map[string]any
		if err := json.Unmarshal(b, &tr); err != nil {
			t.Fatal(err)
		}
		exact := map[string]bool{}
		var patterns []*regexp.Regexp
		placeholder := regexp.MustCompile(`\\\{\\\{\\\.\w+\\\}\\\}`)
		literal := regexp.MustCompile(`\{\{\.\w+\}\}`)
		for _, v := range tr {
			s, ok := v.(string)
			if !ok {
				continue
			}
			exact[s] = true
			// «{{.Name}}» alone would match any word: a pattern needs
			// some fixed text of its own.
			if strings.Contains(s, "{{") && len(strings.TrimSpace(literal.ReplaceAllString(s, ""))) > 2 {
				patterns = append(patterns, regexp.MustCompile("^"+placeholder.ReplaceAllString(regexp.QuoteMeta(s), ".+")+"$"))
			}
		}
		pages, err := guide.Pages(lang)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range pages {
			for _, word := range parse(t, p.Text).bold {
				if exact[word] || matchesAny(patterns, word) {
					continue
				}
				t.Errorf("%s/%s.md: **%s** is not a text of the %s interface", lang, p.Name, word, lang)
			}
		}
	}
}

func matchesAny(res []*regexp.Regexp, s string) bool {
	for _, re := range res {
		if re.MatchString(s) {
			return true
		}
	}
	return false
}

// page is what a test reads of a page's Markdown.
type page struct{ links, images, bold []string }

// parse reads a page with goldmark, the parser Fyne's RichText uses.
func parse(t *testing.T, md string) page {
	t.Helper()
	src := []byte(md)
	doc := goldmark.New().Parser().Parse(text.NewReader(src))
	var p page
	err := ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch x := n.(type) {
		case *ast.Link:
			p.links = append(p.links, string(x.Destination))
		case *ast.Image:
			p.images = append(p.images, string(x.Destination))
		case *ast.Emphasis:
			if x.Level == 2 {
				p.bold = append(p.bold, plain(x, src))
			}
		}
		return ast.WalkContinue, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// plain is the text inside a node.
func plain(n ast.Node, src []byte) string {
	var b strings.Builder
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if tx, ok := c.(*ast.Text); ok {
			b.Write(tx.Segment.Value(src))
		} else {
			b.WriteString(plain(c, src))
		}
	}
	return b.String()
}
