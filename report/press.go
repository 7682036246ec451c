package report

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/data/lingo"
)

// PressMoney writes an amount in the press's style: «83,7 млн теңге»
// (kk) or «83,7 млн тенге» (ru); below a million, in full.
func PressMoney(n int64, lang string) string {
	unit := "теңге"
	if lang == "ru" {
		unit = "тенге"
	}
	scaled := func(div float64, word string) string {
		s := strings.Replace(fmt.Sprintf("%.1f", float64(n)/div), ".", ",", 1)
		return strings.TrimSuffix(s, ",0") + lingo.NBSP + word + lingo.NBSP + unit
	}
	switch {
	case n >= 1e9:
		return scaled(1e9, "млрд")
	case n >= 1e6:
		return scaled(1e6, "млн")
	}
	return Number(n) + lingo.NBSP + unit
}

// pressFacts are what a press release tells, gathered once for either
// language.
type pressFacts struct {
	r      CampaignReport
	s      data.Summary
	c      data.Campaign
	pc     data.Event // the final press conference, when hasPC
	hasPC  bool
	future bool // the press conference is still to come
	phones string
}

// pressPhrasing words each paragraph of a press release in one language;
// a paragraph it returns empty is left out.
type pressPhrasing interface {
	title() string
	opening(f *pressFacts) []string
	aim() string
	coverage(f *pressFacts) string
	helped(f *pressFacts) string
	categories(f *pressFacts) string
	sponsors(f *pressFacts) string
	appeals(f *pressFacts) string
	letters(f *pressFacts) string
	comparison(f *pressFacts) string
	participants(f *pressFacts) string
}

// PressRelease drafts the press release on the campaign's results in the
// style of the office's releases, filled with the live figures, for the
// press service to edit. It opens with the campaign's final press
// conference from its events (date and place), when there is one; it is
// dated r.GeneratedOn. lang is kk or ru: one structure, each language's
// own phrasing. It holds aggregates only.
func PressRelease(r CampaignReport, lang string) string {
	if lang != "ru" {
		lang = "kk"
	}
	f := &pressFacts{r: r, s: r.Summary, c: r.Campaign, phones: strings.Join(r.Settings.HotlinePhones, ", ")}
	f.pc, f.hasPC = finalPressConference(r.Events)
	f.future = f.hasPC && r.GeneratedOn.Before(f.pc.HeldOn)
	var ph pressPhrasing = kkPress{}
	if lang == "ru" {
		ph = ruPress{}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n\n%s\n\n", department(r.Settings, lang), ph.title())
	paragraphs := append(ph.opening(f), ph.aim(), ph.coverage(f), ph.helped(f), ph.categories(f), ph.sponsors(f),
		ph.appeals(f), ph.letters(f), ph.comparison(f), ph.participants(f))
	for _, p := range paragraphs {
		if p != "" {
			b.WriteString("     " + p + "\n") // indented as in the office's releases
		}
	}
	fmt.Fprintf(&b, "\n%s, %s\n", cityLine(r.Settings, lang), ShortDate(r.GeneratedOn))
	return b.String()
}

// pressItems lists the items given, each with its count in lang:
// «мектеп формасы — 1 056 жиынтық», «школьная форма — 1 056 комплектов».
func pressItems(r CampaignReport, lang string) string {
	var parts []string
	for _, it := range r.Items {
		if n := r.Summary.ItemsByKind[it.Code]; n > 0 {
			name, unit := strings.ToLower(it.Name(lang)), it.Unit(lang)
			count := lingo.Count(lang, n, unit)
			if namesUnit(name, unit) { // «кеңсе тауарлары жинағы — 1 192», not «… — 1 192 жинақ»
				count = lingo.Number(n)
			}
			parts = append(parts, fmt.Sprintf("%s — %s", name, count))
		}
	}
	return strings.Join(parts, ", ")
}

// namesUnit reports whether an item's name already says its unit: a word
// of the name is the unit or a form of it («жинағы» of «жинақ», «набор»
// of «набор»), so the count need not repeat it.
func namesUnit(name, unit string) bool {
	unit = strings.ToLower(unit)
	u := []rune(unit)
	if len(u) < 3 {
		return false
	}
	stem := string(u[:len(u)-1]) // жинақ → жина, so that жинағы matches
	for _, w := range strings.Fields(name) {
		if w == unit || strings.HasPrefix(w, stem) && utf8.RuneCountInString(w) <= len(u)+2 {
			return true
		}
	}
	return false
}

// pressCategories lists the children helped by category, in the seed's
// order: «жетім балалар — 40», «дети-сироты — 40».
func pressCategories(r CampaignReport, lang string) string {
	var parts []string
	for _, code := range data.CategoryCodes {
		if n := r.Summary.HelpedByCategory[code]; n > 0 {
			parts = append(parts, fmt.Sprintf("%s — %s", categoryName(r.Categories, code, lang), Number(int64(n))))
		}
	}
	return strings.Join(parts, ", ")
}

// change is the direction and size of a change from prev to cur: the
// difference, its percentage of prev («8,6») and its sign.
func change(cur, prev int64) (diff int64, pct string, sign int) {
	diff = cur - prev
	if diff < 0 {
		diff, sign = -diff, -1
	} else if diff > 0 {
		sign = 1
	}
	if prev != 0 {
		pct = strings.Replace(fmt.Sprintf("%.1f", float64(diff)*100/float64(prev)), ".", ",", 1)
	}
	return diff, pct, sign
}
