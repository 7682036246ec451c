package report

import (
	"fmt"
	"strings"

	"github.com/mektepkezhol/app/data"
)

// monthsKKLocative are the Kazakh months in the locative case: «30 қыркүйекте».
var monthsKKLocative = []string{"қаңтарда", "ақпанда", "наурызда", "сәуірде", "мамырда", "маусымда", "шілдеде",
	"тамызда", "қыркүйекте", "қазанда", "қарашада", "желтоқсанда"}

// PressMoney writes an amount in the press's style: «83,7 млн теңге»
// (kk) or «83,7 млн тенге» (ru); below a million, in full.
func PressMoney(n int64, lang string) string {
	unit := "теңге"
	if lang == "ru" {
		unit = "тенге"
	}
	scaled := func(div float64, word string) string {
		s := strings.Replace(fmt.Sprintf("%.1f", float64(n)/div), ".", ",", 1)
		return strings.TrimSuffix(s, ",0") + " " + word + " " + unit
	}
	switch {
	case n >= 1e9:
		return scaled(1e9, "млрд")
	case n >= 1e6:
		return scaled(1e6, "млн")
	}
	return Number(n) + " " + unit
}

// PressRelease drafts the press release on the campaign's results in the
// style of the office's releases, filled with the live figures, for the
// press service to edit. It opens with the campaign's final press
// conference from its events (date and place), when there is one. lang is kk or ru. It holds aggregates only.
func PressRelease(r CampaignReport, lang string) string {
	if lang != "ru" {
		lang = "kk"
	}
	pr := &pressWriter{r: r, lang: lang, items: pressItems(r, lang), cats: pressCategories(r, lang),
		phones: strings.Join(r.Settings.HotlinePhones, ", ")}
	if lang == "ru" {
		pr.russian()
	} else {
		pr.kazakh()
	}
	fmt.Fprintf(&pr.b, "\n%s, %s\n", word(pr.lang, "city"), ShortDate(r.GeneratedOn))
	return pr.b.String()
}

// pressWriter writes a press release paragraph by paragraph.
type pressWriter struct {
	b                   strings.Builder
	r                   CampaignReport
	lang                string
	items, cats, phones string
}

// p writes one paragraph, indented as in the office's releases.
func (pr *pressWriter) p(format string, args ...any) {
	pr.b.WriteString("     ")
	fmt.Fprintf(&pr.b, format, args...)
	pr.b.WriteString("\n")
}

func (pr *pressWriter) russian() {
	b, p, lang := &pr.b, pr.p, pr.lang
	r, s, c := pr.r, pr.r.Summary, pr.r.Campaign
	items, cats, phones := pr.items, pr.cats, pr.phones
	fmt.Fprintf(b, "%s\n\nИтоги республиканской акции «Дорога в школу»\n\n", department(r.Settings, lang))
	slogan := ""
	if c.Slogan != "" {
		slogan = " под девизом «" + c.Slogan + "»"
	}
	pc, hasPC := finalPressConference(r.Events)
	if hasPC {
		pr.pressConferenceRU(pc)
		p("Ежегодная республиканская акция «Дорога в школу» в этом году прошла с %s по %s%s.",
			LongDate(c.StartsOn, lang), LongDate(c.EndsOn, lang), slogan)
	} else {
		p("%s завершилась ежегодная республиканская акция «Дорога в школу». В этом году она прошла с %s по %s%s.",
			LongDate(c.EndsOn, lang), LongDate(c.StartsOn, lang), LongDate(c.EndsOn, lang), slogan)
	}
	p("По традиции акция направлена на охват обучением всех детей школьного возраста и на социальную помощь детям из малообеспеченных семей.")
	pr.coverageRU()
	p("Помощь в ходе акции получили детей: %s; вручено вещей: %s (%s).", Number(int64(s.ChildrenHelped)), Number(s.ItemsDistributed), items)
	if cats != "" {
		p("Среди получивших помощь: %s.", cats)
	}
	p("Акцию поддержали спонсоры (%s): собрано %s, передано вещей: %s на сумму %s.",
		Number(int64(s.Sponsors)), PressMoney(s.MoneyTenge, lang), Number(s.InKindItems), PressMoney(s.InKindValueTenge, lang))
	p("Для оперативного рассмотрения обращений граждан работали горячие линии, телефоны доверия и общественные приёмные%s. Обращений поступило: %s, из них решено: %s.",
		phonesRU(phones), Number(int64(s.Appeals.Total)), Number(int64(s.Appeals.Resolved)))
	p("Благодарственные письма отдела образования города Караганды вручены спонсорам: %s.", Number(int64(s.Letters)))
	if r.Previous != nil {
		ps := r.Previous.Summary
		p("По сравнению с %d годом число детей, получивших помощь, изменилось на %s (%s), собранные средства — на %s.",
			r.Previous.Campaign.Year, Signed(int64(s.ChildrenHelped-ps.ChildrenHelped)),
			Change(int64(s.ChildrenHelped), int64(ps.ChildrenHelped)), Change(s.MoneyTenge, ps.MoneyTenge))
	}
	if who := participants(pc, lang); hasPC && who != "" {
		p("В пресс-конференции %s %s.", map[bool]string{false: "приняли участие", true: "примут участие"}[r.GeneratedOn.Before(pc.HeldOn)], who)
	} else {
		p("В акции участвуют городской маслихат, отдел образования, местная полиция, служба пробации, организации образования и спонсоры.")
	}
}

func (pr *pressWriter) kazakh() {
	b, p, lang := &pr.b, pr.p, pr.lang
	r, s, c := pr.r, pr.r.Summary, pr.r.Campaign
	items, cats, phones := pr.items, pr.cats, pr.phones
	fmt.Fprintf(b, "%s\n\n«Мектепке жол» жалпыреспубликалық акциясының қорытындысы\n\n", department(r.Settings, lang))
	slogan := ""
	if c.Slogan != "" {
		slogan = " «" + c.Slogan + "» ұранымен"
	}
	pc, hasPC := finalPressConference(r.Events)
	if hasPC {
		pr.pressConferenceKK(pc)
		p("Жыл сайынғы «Мектепке жол» акциясы биыл %s – %s аралығында%s өтті.",
			LongDate(c.StartsOn, lang), LongDate(c.EndsOn, lang), slogan)
	} else {
		p("%d жылғы %d %s «Мектепке жол» жалпыреспубликалық акциясы аяқталды. Жыл сайынғы акция биыл %s – %s аралығында%s өтті.",
			c.EndsOn.Year(), c.EndsOn.Day(), monthsKKLocative[c.EndsOn.Month()-1], LongDate(c.StartsOn, lang), LongDate(c.EndsOn, lang), slogan)
	}
	p("Дәстүр бойынша акция мектеп жасындағы балаларды білім ұйымдарында оқумен қамтуға, әсіресе аз қамтылған отбасылардан шыққан балаларға әлеуметтік көмек көрсетуге арналған.")
	pr.coverageKK()
	p("Акция барысында %s балаға %s бірлік көмек табыс етілді: %s.", Number(int64(s.ChildrenHelped)), Number(s.ItemsDistributed), items)
	if cats != "" {
		p("Көмек алғандардың ішінде: %s.", cats)
	}
	p("Акцияға %s демеуші қолдау көрсетті: %s қаражат жиналды, %s құны бар %s бірлік заттай көмек берілді.",
		Number(int64(s.Sponsors)), PressMoney(s.MoneyTenge, lang), PressMoney(s.InKindValueTenge, lang), Number(s.InKindItems))
	p("Азаматтардың өтініштерін жедел қарастыру үшін шұғыл желілердің, «сенім» телефондарының, қоғамдық қабылдаулардың жұмысы ұйымдастырылды%s. Барлығы %s өтініш түсті, оның %s шешілді.",
		phonesKK(phones), Number(int64(s.Appeals.Total)), Number(int64(s.Appeals.Resolved)))
	p("Көмек көрсеткен %s демеушіге Қарағанды қаласы білім бөлімінің Алғыс хаттары берілді.", Number(int64(s.Letters)))
	if r.Previous != nil {
		ps := r.Previous.Summary
		p("%d жылмен салыстырғанда көмек алған балалар саны %s (%s), жиналған қаражат %s өзгерді.",
			r.Previous.Campaign.Year, Signed(int64(s.ChildrenHelped-ps.ChildrenHelped)),
			Change(int64(s.ChildrenHelped), int64(ps.ChildrenHelped)), Change(s.MoneyTenge, ps.MoneyTenge))
	}
	if who := participants(pc, lang); hasPC && who != "" {
		p("Баспасөз-конференциясына %s %s.", who, map[bool]string{false: "қатысты", true: "қатысады"}[r.GeneratedOn.Before(pc.HeldOn)])
	} else {
		p("Акцияға Қарағанды қаласының мәслихаты, білім бөлімі, жергілікті полиция, пробация қызметі, білім ұйымдарының өкілдері және демеушілер қатысады.")
	}
}

func phonesKK(phones string) string {
	if phones == "" {
		return ""
	}
	return ": " + phones
}

func phonesRU(phones string) string {
	if phones == "" {
		return ""
	}
	return " (" + phones + ")"
}

// pressItems lists the items given: «мектеп формасы — 1 056 жиынтық, …».
func pressItems(r CampaignReport, lang string) string {
	var parts []string
	for _, it := range r.Items {
		n := r.Summary.ItemsByKind[it.Code]
		switch {
		case n == 0:
		case lang == "ru": // Russian units would need plural forms: the item's name says enough
			parts = append(parts, fmt.Sprintf("%s — %s", strings.ToLower(it.Name(lang)), Number(n)))
		default:
			parts = append(parts, fmt.Sprintf("%s — %s %s", strings.ToLower(it.Name(lang)), Number(n), it.Unit(lang)))
		}
	}
	return strings.Join(parts, ", ")
}

// pressCategories lists the children helped by category, in the seed's order.
func pressCategories(r CampaignReport, lang string) string {
	var parts []string
	for _, code := range data.CategoryCodes {
		if n := r.Summary.HelpedByCategory[code]; n > 0 {
			parts = append(parts, fmt.Sprintf("%s — %s", categoryName(r.Categories, code, lang), Number(int64(n))))
		}
	}
	return strings.Join(parts, ", ")
}
