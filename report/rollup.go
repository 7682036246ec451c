package report

import (
	"fmt"

	"github.com/mektepkezhol/app/data"
)

// The region roll-up's words, merged into reportWords.
var rollupWords = map[string]map[string]string{
	"kk": {
		"by_district":     "Аудандар бойынша",
		"district":        "Аудан",
		"district_money":  "Қаражат, ₸",
		"sheet_districts": "Аудандар",
		"district_note": "«Барлығы» жолында аудандардың сандары қосылған. Негізгі көрсеткіштерде бала ЖСН бойынша, " +
			"демеуші атауы мен БСН бойынша бір рет саналады: тізімдегі балалар %s, көмек алғандар %s, демеушілер %s.",
	},
	"ru": {
		"by_district":     "По районам",
		"district":        "Район",
		"district_money":  "Средства, ₸",
		"sheet_districts": "Районы",
		"district_note": "В строке «Всего» сложены цифры районов. В основных показателях ребёнок считается один раз по ИИН, " +
			"спонсор — один раз по наименованию и БИН: детей в списках %s, получили помощь %s, спонсоров %s.",
	},
}

func init() {
	for lang, words := range rollupWords {
		for k, w := range words {
			if _, dup := reportWords[lang][k]; dup {
				panic("report: word " + k + " defined twice")
			}
			reportWords[lang][k] = w
		}
	}
}

// districtNote explains why the district table's totals may exceed the
// key figures: a child or sponsor of several districts counts once there.
func districtNote(r CampaignReport, lang string) string {
	s := r.Summary
	return fmt.Sprintf(word(lang, "district_note"), Number(int64(s.Children)), Number(int64(s.ChildrenHelped)),
		Number(int64(s.Sponsors)))
}

// districtSums adds up the district rows.
func districtSums(ds []data.DistrictTotals) data.DistrictTotals {
	var t data.DistrictTotals
	for _, d := range ds {
		t.Children += d.Children
		t.ChildrenHelped += d.ChildrenHelped
		t.ItemsDistributed += d.ItemsDistributed
		t.MoneyTenge += d.MoneyTenge
		t.Sponsors += d.Sponsors
		t.Appeals += d.Appeals
	}
	return t
}

// districtPage is the roll-up's table by district, after the key figures.
func districtPage(d *reportDoc, r CampaignReport) {
	if len(r.Districts) == 0 {
		return
	}
	lang := d.lang
	d.heading(word(lang, "by_district"))
	row := func(name string, t data.DistrictTotals) []string {
		return []string{name, Number(int64(t.Children)), Number(int64(t.ChildrenHelped)), Number(t.ItemsDistributed),
			Number(t.MoneyTenge), Number(int64(t.Sponsors)), Number(int64(t.Appeals))}
	}
	var rows [][]string
	for _, t := range r.Districts {
		rows = append(rows, row(t.Name, t))
	}
	rows = append(rows, row(word(lang, "total"), districtSums(r.Districts)))
	d.table([]tableColumn{{word(lang, "district"), 40, false}, {word(lang, "registered"), 20, true},
		{word(lang, "helped"), 22, true}, {word(lang, "items"), 20, true}, {word(lang, "district_money"), 26, true},
		{word(lang, "sponsors"), 28, true}, {word(lang, "appeals"), 24, true}}, rows, true)
	d.note(districtNote(r, lang))
}

// districtSheet is the roll-up's sheet by district, after the summary.
func districtSheet(r CampaignReport, lang string) workSheet {
	sh := workSheet{lang: lang, name: word(lang, "sheet_districts"), total: true,
		title: r.Campaign.Name(lang) + ": " + word(lang, "by_district") + ". " + districtNote(r, lang),
		header: []string{word(lang, "district"), word(lang, "registered"), word(lang, "helped"), word(lang, "items"),
			word(lang, "district_money"), word(lang, "sponsors"), word(lang, "appeals")},
		kinds: []cellKind{kindText, kindNumber, kindNumber, kindNumber, kindTenge, kindNumber, kindNumber}}
	for _, t := range r.Districts {
		sh.rows = append(sh.rows, []any{t.Name, t.Children, t.ChildrenHelped, t.ItemsDistributed, t.MoneyTenge,
			t.Sponsors, t.Appeals})
	}
	return sh
}
