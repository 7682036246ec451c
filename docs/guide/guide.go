// Package guide is the clerks' user guide: one Markdown page per task of
// the campaign, in Kazakh (kk/) and Russian (ru/), with the same file names
// in both. The pages are read on GitHub as they are and embedded here, so
// the app shows them offline (F1) from the same text.
package guide

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
)

//go:embed kk/*.md ru/*.md
var files embed.FS

// Contents is the name of each language's first page: what the program
// is and the list of the other pages.
const Contents = "README"

// Page is one page of the guide.
type Page struct {
	Name  string // the file name without .md: "04-giving"
	Title string // its first heading
	Text  string // the Markdown
}

// Pages returns a language's pages (kk or ru): the contents first, then the
// tasks in the campaign's order, which is the order of their file names.
func Pages(lang string) ([]Page, error) {
	names, err := fs.Glob(files, lang+"/*.md")
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("guide: no pages in %q", lang)
	}
	sort.Slice(names, func(i, j int) bool {
		a, b := pageName(names[i]), pageName(names[j])
		if a == Contents || b == Contents {
			return a == Contents && b != Contents
		}
		return a < b
	})
	out := make([]Page, 0, len(names))
	for _, n := range names {
		p, err := Find(lang, pageName(n))
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}

// Find returns one page of a language by its name.
func Find(lang, name string) (Page, error) {
	b, err := files.ReadFile(lang + "/" + name + ".md")
	if err != nil {
		return Page{}, fmt.Errorf("guide: page %s/%s: %w", lang, name, err)
	}
	text := string(b)
	return Page{Name: name, Title: title(text), Text: text}, nil
}

func pageName(file string) string { return strings.TrimSuffix(path.Base(file), ".md") }

// title is the text of the first «# » heading.
func title(md string) string {
	for _, line := range strings.Split(md, "\n") {
		if t, ok := strings.CutPrefix(line, "# "); ok {
			return strings.TrimSpace(t)
		}
	}
	return ""
}
