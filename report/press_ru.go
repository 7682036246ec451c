package report

import (
	"fmt"
	"strings"
	"time"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/data/lingo"
)

// ruPress words the press release in Russian.
type ruPress struct{}

func (ruPress) title() string {
	return "Итоги республиканской акции «Дорога в школу»"
}

// ruDay writes «30 сентября» without the year.
func ruDay(t time.Time) string {
	return fmt.Sprintf("%d%s%s", t.Day(), lingo.NBSP, monthsRUGenitive[t.Month()-1])
}

// period writes when the campaign ran: «в этом году … с 1 июля по 30 сентября».
func (ruPress) period(f *pressFacts) string {
	from, to := f.c.StartsOn, f.c.EndsOn
	if from.Year() != to.Year() {
		return fmt.Sprintf("с %s по %s", LongDate(from, "ru"), LongDate(to, "ru"))
	}
	return fmt.Sprintf("с %s по %s", ruDay(from), ruDay(to))
}

// thisYear says «в этом году» for the current year's campaign, else «в 2019 году».
func (ruPress) thisYear(f *pressFacts) string {
	if f.r.GeneratedOn.Year() == f.c.StartsOn.Year() {
		return "в этом году"
	}
	return fmt.Sprintf("в %d году", f.c.StartsOn.Year())
}

func (p ruPress) opening(f *pressFacts) []string {
	slogan := ""
	if f.c.Slogan != "" {
		slogan = " под девизом «" + f.c.Slogan + "»"
	}
	if !f.hasPC {
		return []string{fmt.Sprintf("%s завершилась ежегодная республиканская акция «Дорога в школу». %s она прошла %s%s.",
			LongDate(f.c.EndsOn, "ru"), upperFirst(p.thisYear(f)), p.period(f), slogan)}
	}
	pc := f.pc
	day, verb := LongDate(pc.HeldOn, "ru"), "состоялась"
	if f.future {
		verb = "состоится"
		if pc.TimeText != "" {
			day += " в " + pc.TimeText
		}
	}
	where, after := "", ""
	if pl := eventPlace(f.r, pc, "ru"); pl != "" {
		if in, ok := ruInPlace(pl); ok {
			where = " " + in
		} else {
			after = " Место проведения: " + pl + "."
		}
	}
	return []string{
		fmt.Sprintf("%s%s %s итоговая пресс-конференция республиканской акции «Дорога в школу».%s", day, where, verb, after),
		fmt.Sprintf("Ежегодная республиканская акция «Дорога в школу» %s прошла %s%s.", p.thisYear(f), p.period(f), slogan),
	}
}

func upperFirst(s string) string {
	r := []rune(s)
	if len(r) == 0 {
		return s
	}
	return strings.ToUpper(string(r[:1])) + string(r[1:])
}

func (ruPress) aim() string {
	return "По традиции акция направлена на охват обучением всех детей школьного возраста и на социальную помощь детям из малообеспеченных семей."
}

func (ruPress) coverage(f *pressFacts) string {
	c := f.r.Coverage
	if c.Found == 0 {
		return ""
	}
	ru := lingo.RU
	found := int64(c.Found)
	parts := []string{fmt.Sprintf("%s %s", lingo.Number(int64(c.Placed)),
		ru.Past(int64(c.Placed), "устроен в школу", "устроены в школы", "устроены в школы"))}
	if c.Referred > 0 {
		parts = append(parts, fmt.Sprintf("%s %s в полицию или органы опеки", lingo.Number(int64(c.Referred)),
			ru.Past(int64(c.Referred), "передан", "переданы", "переданы")))
	}
	if c.Open > 0 {
		parts = append(parts, fmt.Sprintf("в отношении %s работа продолжается", ru.Count(int64(c.Open), "ребёнок", lingo.Genitive)))
	}
	return fmt.Sprintf("В ходе акции %s %s школьного возраста, %s обучением; из них %s.",
		ru.Past(found, "выявлен", "выявлено", "выявлено"), lingo.Count("ru", found, "ребёнок"),
		ru.Past(found, "не охваченный", "не охваченных", "не охваченных"), strings.Join(parts, ", "))
}

func (ruPress) helped(f *pressFacts) string {
	ru, n, items := lingo.RU, int64(f.s.ChildrenHelped), f.s.ItemsDistributed
	return fmt.Sprintf("В ходе акции помощь %s %s, %s %s %s: %s.", ru.Past(n, "получил", "получили", "получили"),
		lingo.Count("ru", n, "ребёнок"), ru.Past(n, "ему", "им", "им"), ru.Past(items, "выдана", "выданы", "выдано"),
		lingo.Count("ru", items, "вещь"), pressItems(f.r, "ru"))
}

func (ruPress) categories(f *pressFacts) string {
	if cats := pressCategories(f.r, "ru"); cats != "" {
		return "Среди получивших помощь: " + cats + "."
	}
	return ""
}

func (ruPress) sponsors(f *pressFacts) string {
	ru, n, items := lingo.RU, int64(f.s.Sponsors), f.s.InKindItems
	return fmt.Sprintf("Акцию %s %s: собрано %s, %s %s на сумму %s.", ru.Past(n, "поддержал", "поддержали", "поддержали"),
		lingo.Count("ru", n, "спонсор"), PressMoney(f.s.MoneyTenge, "ru"), ru.Past(items, "поступила", "поступили", "поступило"),
		lingo.Count("ru", items, "вещь"), PressMoney(f.s.InKindValueTenge, "ru"))
}

func (ruPress) appeals(f *pressFacts) string {
	phones := ""
	if f.phones != "" {
		phones = " (" + f.phones + ")"
	}
	a := f.s.Appeals
	s := fmt.Sprintf("Для оперативного рассмотрения обращений граждан работали горячие линии, телефоны доверия и общественные приёмные%s. Поступило %s",
		phones, lingo.Count("ru", int64(a.Total), "обращение"))
	if a.Resolved > 0 {
		s += ", из них решено " + lingo.Number(int64(a.Resolved))
	}
	return s + "."
}

func (ruPress) letters(f *pressFacts) string {
	return fmt.Sprintf("Благодарственные письма %s вручены %s.",
		lingo.OfficeOf(f.r.Settings.DepartmentRU, "ru"), lingo.RU.Count(int64(f.s.Letters), "спонсор", lingo.Dative))
}

// ruChange words a change: «выросло на 167 (на 8,6 %)», «сократились на 3,2 %».
func ruChange(cur, prev int64, withDiff bool, up, down, same string) string {
	diff, pct, sign := change(cur, prev)
	if sign == 0 {
		return same
	}
	verb := map[int]string{1: up, -1: down}[sign]
	p := lingo.Unbreak(pct + " %")
	switch {
	case withDiff && pct != "":
		return fmt.Sprintf("%s на %s (на %s)", verb, lingo.Number(diff), p)
	case withDiff:
		return fmt.Sprintf("%s на %s", verb, lingo.Number(diff))
	}
	return fmt.Sprintf("%s на %s", verb, p)
}

func (ruPress) comparison(f *pressFacts) string {
	if f.r.Previous == nil {
		return ""
	}
	ps := f.r.Previous.Summary
	cur, prev := int64(f.s.ChildrenHelped), int64(ps.ChildrenHelped)
	s := fmt.Sprintf("По сравнению с %d годом число детей, получивших помощь, %s", f.r.Previous.Campaign.Year,
		ruChange(cur, prev, true, "выросло", "сократилось", "не изменилось"))
	if ps.MoneyTenge == 0 {
		return s + "."
	}
	money := ruChange(f.s.MoneyTenge, ps.MoneyTenge, false, "вырос", "сократился", "не изменился")
	_, _, children := change(cur, prev)
	if _, _, sign := change(f.s.MoneyTenge, ps.MoneyTenge); sign != 0 && sign == children {
		// the same verb is not said twice: «…выросло на 167, а … — на 19,0 %»
		money = "—" + strings.TrimPrefix(money, strings.Fields(money)[0])
	}
	return s + ", а объём собранных средств " + money + "."
}

func (ruPress) participants(f *pressFacts) string {
	if who := participants(f.pc.Participants, f.r.Settings.CityRU, "ru"); f.hasPC && who != "" {
		return fmt.Sprintf("В пресс-конференции %s %s.", map[bool]string{false: "приняли участие", true: "примут участие"}[f.future], who)
	}
	return "В акции участвуют " + participants(data.EventParticipants, f.r.Settings.CityRU, "ru") + "."
}
