package report

import (
	"fmt"
	"strings"
	"time"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/data/lingo"
)

// kkPress words the press release in Kazakh.
type kkPress struct{}

func (kkPress) title() string {
	return "«Мектепке жол» жалпыреспубликалық акциясының қорытындысы"
}

// kkDayCase writes «30 қыркүйекте», «1 шілдеден»: a day and its month in case c.
func kkDayCase(t time.Time, c lingo.Case) string {
	return fmt.Sprintf("%d%s%s", t.Day(), lingo.NBSP, lingo.KK.Inflect(monthsKK[t.Month()-1], c))
}

// period writes when the campaign ran: «биыл 1 шілдеден 30 қыркүйекке
// дейін» (the year named once, or each when they differ).
func (kkPress) period(f *pressFacts) string {
	from, to := f.c.StartsOn, f.c.EndsOn
	if from.Year() != to.Year() {
		return fmt.Sprintf("%d жылғы %s %d жылғы %s дейін", from.Year(), kkDayCase(from, lingo.Ablative), to.Year(),
			kkDayCase(to, lingo.Dative))
	}
	when := fmt.Sprintf("%d жылы", from.Year())
	if f.r.GeneratedOn.Year() == from.Year() {
		when = "биыл"
	}
	return fmt.Sprintf("%s %s %s дейін", when, kkDayCase(from, lingo.Ablative), kkDayCase(to, lingo.Dative))
}

func (p kkPress) opening(f *pressFacts) []string {
	slogan := ""
	if f.c.Slogan != "" {
		slogan = " «" + f.c.Slogan + "» ұранымен"
	}
	if !f.hasPC {
		return []string{fmt.Sprintf("%d жылғы %s «Мектепке жол» жалпыреспубликалық акциясы аяқталды. Жыл сайынғы акция %s%s өтті.",
			f.c.EndsOn.Year(), kkDayCase(f.c.EndsOn, lingo.Locative), p.period(f), slogan)}
	}
	pc := f.pc
	day := fmt.Sprintf("%d жылғы %s", pc.HeldOn.Year(), kkDayCase(pc.HeldOn, lingo.Locative))
	verb, placeWord := "өткізілді", "Өткізілген орны"
	if f.future {
		verb, placeWord = "өткізіледі", "Өтетін орны"
		if pc.TimeText != "" {
			day += " сағат " + pc.TimeText + "-де"
		}
	}
	place := eventPlace(f.r, pc, "kk")
	where, after := "", ""
	if loc, ok := kkLocative(place); ok && place != "" {
		where = " " + loc
	} else if place != "" {
		after = " " + placeWord + ": " + place + "."
	}
	return []string{
		fmt.Sprintf("%s%s «Мектепке жол» жалпыреспубликалық акциясының қорытынды баспасөз-конференциясы %s.%s", day, where, verb, after),
		fmt.Sprintf("Жыл сайынғы «Мектепке жол» акциясы %s%s өтті.", p.period(f), slogan),
	}
}

func (kkPress) aim() string {
	return "Дәстүр бойынша акция мектеп жасындағы балаларды білім беру ұйымдарында оқумен қамтуға, әсіресе аз қамтылған отбасылардан шыққан балаларға әлеуметтік көмек көрсетуге арналған."
}

func (kkPress) coverage(f *pressFacts) string {
	c := f.r.Coverage
	if c.Found == 0 {
		return ""
	}
	parts := []string{fmt.Sprintf("оның %s мектепке орналастырылды", lingo.KK.Numeral(int64(c.Placed), lingo.Possessive))}
	if c.Referred > 0 {
		parts = append(parts, fmt.Sprintf("%s полицияға немесе қамқоршылық органына жолданды", lingo.Count("kk", int64(c.Referred), "бала")))
	}
	if c.Open > 0 {
		parts = append(parts, fmt.Sprintf("%s бойынша жұмыс жалғасуда", lingo.Count("kk", int64(c.Open), "бала")))
	}
	return fmt.Sprintf("Акция барысында мектептен тыс қалған мектеп жасындағы %s анықталды: %s.",
		lingo.Count("kk", int64(c.Found), "бала"), strings.Join(parts, ", "))
}

func (kkPress) helped(f *pressFacts) string {
	return fmt.Sprintf("Акция барысында %s %s берілді: %s.", lingo.KK.Count(int64(f.s.ChildrenHelped), "бала", lingo.Dative),
		lingo.Count("kk", f.s.ItemsDistributed, "зат"), pressItems(f.r, "kk"))
}

func (kkPress) categories(f *pressFacts) string {
	if cats := pressCategories(f.r, "kk"); cats != "" {
		return "Көмек алғандардың ішінде: " + cats + "."
	}
	return ""
}

func (kkPress) sponsors(f *pressFacts) string {
	return fmt.Sprintf("Акцияға %s қолдау көрсетті: %s қаражат жиналды, жалпы сомасы %s болатын %s түсті.",
		lingo.Count("kk", int64(f.s.Sponsors), "демеуші"), PressMoney(f.s.MoneyTenge, "kk"),
		PressMoney(f.s.InKindValueTenge, "kk"), lingo.Count("kk", f.s.InKindItems, "зат"))
}

func (kkPress) appeals(f *pressFacts) string {
	phones := ""
	if f.phones != "" {
		phones = ": " + f.phones
	}
	a := f.s.Appeals
	s := fmt.Sprintf("Азаматтардың өтініштерін тез қарау үшін жедел желілер, сенім телефондары және қоғамдық қабылдаулар жұмыс істеді%s. Барлығы %s түсті",
		phones, lingo.Count("kk", int64(a.Total), "өтініш"))
	if a.Resolved > 0 {
		s += fmt.Sprintf(", оның %s шешілді", lingo.KK.Numeral(int64(a.Resolved), lingo.Possessive))
	}
	return s + "."
}

func (kkPress) letters(f *pressFacts) string {
	return fmt.Sprintf("Көмек көрсеткен %s %s Алғыс хаттары берілді.",
		lingo.KK.Count(int64(f.s.Letters), "демеуші", lingo.Dative), lingo.OfficeOf(f.r.Settings.DepartmentKK, "kk"))
}

// kkChange words a change with the verbs for up, down and the same:
// «167-ге (8,6 %-ға) артып», «8,6 %-ға азайды», «өзгерген жоқ».
func kkChange(cur, prev int64, withDiff bool, up, down, same string) string {
	diff, pct, sign := change(cur, prev)
	if sign == 0 {
		return same
	}
	verb := map[int]string{1: up, -1: down}[sign]
	switch {
	case withDiff && pct != "":
		return fmt.Sprintf("%s (%s) %s", lingo.KK.Numeral(diff, lingo.Dative), lingo.KK.Percent(pct, lingo.Dative), verb)
	case withDiff:
		return lingo.KK.Numeral(diff, lingo.Dative) + " " + verb
	}
	return lingo.KK.Percent(pct, lingo.Dative) + " " + verb
}

func (kkPress) comparison(f *pressFacts) string {
	if f.r.Previous == nil {
		return ""
	}
	ps := f.r.Previous.Summary
	s := fmt.Sprintf("%d жылмен салыстырғанда көмек алған балалар саны ", f.r.Previous.Campaign.Year)
	children := func(up, down, same string) string {
		return kkChange(int64(f.s.ChildrenHelped), int64(ps.ChildrenHelped), true, up, down, same)
	}
	if ps.MoneyTenge == 0 {
		return s + children("артты", "азайды", "өзгерген жоқ") + "."
	}
	return s + children("артып", "азайып", "өзгермей") + ", жиналған қаражат " +
		kkChange(f.s.MoneyTenge, ps.MoneyTenge, false, "өсті", "кеміді", "өзгерген жоқ") + "."
}

func (kkPress) participants(f *pressFacts) string {
	if who := participants(f.pc.Participants, f.r.Settings.CityKK, "kk"); f.hasPC && who != "" {
		return fmt.Sprintf("Баспасөз-конференциясына %s %s.", who, map[bool]string{false: "қатысты", true: "қатысады"}[f.future])
	}
	return "Акцияға " + participants(data.EventParticipants, f.r.Settings.CityKK, "kk") + " қатысады."
}
