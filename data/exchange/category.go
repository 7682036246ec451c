package exchange

import (
	"strings"

	"github.com/mektepkezhol/app/data"
)

// categoryStems are word stems of the categories' kk and ru names and of
// the short names schools use. Order matters: the first stem found in a
// part of the cell wins.
var categoryStems = []struct {
	code  string
	stems []string
}{
	{data.CatNoParentalCare, []string{"қамқорлығынсыз", "без попечения", "опекаем", "под опекой"}},
	{data.CatOrphan, []string{"жетім", "сирот"}},
	{data.CatLowIncome, []string{"аз қамтылған", "малообеспеч", "малоимущ", "аәк", "асп"}},
	{data.CatLargeFamily, []string{"көп балалы", "көпбалалы", "многодет"}},
	{data.CatDysfunctional, []string{"жайсыз", "неблагополуч"}},
	{data.CatSingleParent, []string{"толық емес", "неполн"}},
	{data.CatSpecialNeeds, []string{"ерекше білім", "ерекше", "особыми образоват", "ооп", "оөқ", "инвалид", "мүгедек"}},
	{data.CatDeviant, []string{"девиант"}},
	{data.CatRiskGroup, []string{"тәуекел", "группы риска", "группа риска", "риск"}},
	{data.CatOtherVulnerable, []string{"осал", "уязвим", "другие", "другое", "өзге", "басқа"}},
}

// fillerWords mean nothing alone in a category cell («дети, оставшиеся …»).
var fillerWords = map[string]bool{"дети": true, "балалар": true, "балалары": true, "из": true, "семей": true,
	"отбасылардың": true, "и": true, "және": true, "": true}

// MatchCategories reads the categories of a cell: several may be listed,
// separated by commas, semicolons, slashes or line breaks, in kk or ru,
// full or short («малообеспеченные», «ООП», «АӘК алушы», «получатели АСП»).
// unknown holds the parts it could not read.
func MatchCategories(cell string) (codes, unknown []string) {
	seen := map[string]bool{}
	parts := strings.FieldsFunc(cell, func(r rune) bool { return strings.ContainsRune(",;/\n+|", r) })
	for _, part := range parts {
		key := headerKey(part)
		if fillerWords[key] {
			continue
		}
		code := matchCategory(key)
		if code == "" {
			unknown = append(unknown, strings.TrimSpace(part))
			continue
		}
		if !seen[code] {
			seen[code] = true
			codes = append(codes, code)
		}
	}
	return codes, unknown
}

func matchCategory(key string) string {
	if data.IsCategory(strings.ReplaceAll(key, " ", "_")) {
		return strings.ReplaceAll(key, " ", "_")
	}
	words := " " + key + " "
	for _, c := range categoryStems {
		for _, stem := range c.stems {
			// Short abbreviations must stand as words: «асп» is not «аспирант».
			if len([]rune(stem)) <= 4 {
				if strings.Contains(words, " "+stem+" ") {
					return c.code
				}
				continue
			}
			if strings.Contains(key, stem) {
				return c.code
			}
		}
	}
	return ""
}
