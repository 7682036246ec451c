package exchange

import (
	"context"
	"strings"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/data/lingo"
)

// tr picks the kk or the ru word.
func tr(lang, kk, ru string) string {
	if lang == "ru" {
		return ru
	}
	return kk
}

func trAll(lang string, pairs ...[2]string) []string {
	out := make([]string, len(pairs))
	for i, p := range pairs {
		out[i] = tr(lang, p[0], p[1])
	}
	return out
}

// childHeaders are the columns of children exports and of the template;
// each is a header the importer recognises, so an export reads back as is.
var childHeaders = [][2]string{
	{"ЖСН", "ИИН"}, {"Тегі", "Фамилия"}, {"Аты", "Имя"}, {"Әкесінің аты", "Отчество"},
	{"Туған күні", "Дата рождения"}, {"Жынысы", "Пол"}, {"Мектеп №", "№ школы"}, {"Сынып", "Класс"},
	{"Санаты", "Категория"}, {"Мекенжайы", "Адрес"}, {"Ата-анасының аты-жөні", "ФИО родителя"},
	{"Ата-анасының телефоны", "Телефон родителя"}, {"Киім өлшемі", "Размер одежды"},
	{"Аяқ киім өлшемі", "Размер обуви"}, {"Ескертпе", "Примечание"},
}

// ChildrenTable lists the children matching f, alphabetically. It holds personal data: write it to files only their owner reads.
func ChildrenTable(ctx context.Context, st ExportStore, f data.ChildFilter, lang string) (Table, error) {
	cs, err := st.FindChildren(ctx, f)
	if err != nil {
		return Table{}, err
	}
	// by surname, name and patronymic in the alphabet of the export's
	// language (the store orders by code point: Ә, Қ, І out of place);
	// 100 000 children take about a second on a loaded office machine,
	// beside the seconds of writing them
	lingo.SortByKeys(lang, cs, func(c data.Child) []string { return []string{c.Surname, c.Name, c.Patronymic} })
	schools, cats, err := names(ctx, st, lang)
	if err != nil {
		return Table{}, err
	}
	t := Table{Name: tr(lang, "Балалар", "Дети"), Headers: trAll(lang, childHeaders...), Personal: true}
	for _, c := range cs {
		var cn []string
		for _, cc := range c.Categories {
			cn = append(cn, cats[cc.Code])
		}
		sex := map[string]string{data.Male: tr(lang, "Ер", "М"), data.Female: tr(lang, "Әйел", "Ж")}[c.Sex]
		grade := ""
		if c.Grade > 0 {
			grade = strings.TrimSpace(itoa(c.Grade) + " " + c.GradeLetter)
		}
		school := any(nil)
		if n := schools[c.SchoolID]; n > 0 {
			school = n
		}
		t.Rows = append(t.Rows, []any{string(c.IIN), c.Surname, c.Name, c.Patronymic, c.BirthDate, sex, school,
			grade, strings.Join(cn, "; "), c.Address, c.GuardianName, c.GuardianPhone, c.ClothingSize,
			c.ShoeSize, c.Notes})
	}
	return t, nil
}

func itoa(n int) string { return cellText(n) }

// names returns school numbers by id and category names by code.
func names(ctx context.Context, st ExportStore, lang string) (map[int64]int, map[string]string, error) {
	schools, err := st.FindSchools(ctx)
	if err != nil {
		return nil, nil, err
	}
	byID := map[int64]int{}
	for _, s := range schools {
		byID[s.ID] = s.Number
	}
	cats, err := st.FindCategories(ctx)
	if err != nil {
		return nil, nil, err
	}
	byCode := map[string]string{}
	for _, c := range cats {
		byCode[c.Code] = c.Name(lang)
	}
	return byID, byCode, nil
}

// sponsorKindNames word the sponsor kinds as the importer reads them back.
var sponsorKindNames = map[string][2]string{
	data.SponsorLegal:      {"Заңды тұлға", "Юридическое лицо"},
	data.SponsorIE:         {"ЖК", "ИП"},
	data.SponsorIndividual: {"Жеке тұлға", "Физическое лицо"},
	data.SponsorPublicOrg:  {"Қоғамдық бірлестік", "Общественное объединение"},
	data.SponsorState:      {"Мемлекеттік орган", "Государственный орган"},
}

// SponsorsTable lists the sponsors matching f with, when f names a
// campaign, their totals in it.
func SponsorsTable(ctx context.Context, st ExportStore, f data.SponsorFilter, lang string) (Table, error) {
	rows, err := st.FindSponsors(ctx, f)
	if err != nil {
		return Table{}, err
	}
	// in the alphabet of the export's language, as the list on screen (the
	// store orders by code point: Қ after Ш, Ә last)
	lingo.SortFunc(lang, rows, func(r data.SponsorRow) string { return lingo.FileUnder(r.Name) })
	t := Table{Name: tr(lang, "Демеушілер", "Спонсоры"), Headers: trAll(lang,
		[2]string{"Атауы", "Наименование"}, [2]string{"Атауы (орыс.)", "Наименование (рус.)"},
		[2]string{"БСН/ЖСН", "БИН/ИИН"}, [2]string{"Түрі", "Вид"},
		[2]string{"Басшы", "Руководитель"}, [2]string{"Лауазымы", "Должность"},
		[2]string{"Байланыс тұлғасы", "Контактное лицо"}, [2]string{"Телефон", "Телефон"},
		[2]string{"Email", "Email"}, [2]string{"Мекенжайы", "Адрес"}, [2]string{"Ескертпе", "Примечание"})}
	if f.CampaignID != 0 {
		t.Headers = append(t.Headers, trAll(lang, [2]string{"Түсімдер саны", "Поступлений"},
			[2]string{"Ақшалай, ₸", "Деньгами, ₸"}, [2]string{"Заттай, дана", "Вещами, шт."},
			[2]string{"Заттай құны, ₸", "Стоимость вещей, ₸"}, [2]string{"Алғыс хат №", "Благодарственное письмо №"})...)
	}
	for _, r := range rows {
		k := sponsorKindNames[r.Kind]
		row := []any{r.Name, r.NameRU, r.BIN, tr(lang, k[0], k[1]), r.HeadName, r.HeadTitle, r.ContactPerson, r.Phone,
			r.Email, r.Address, r.Notes}
		if f.CampaignID != 0 {
			letter := any(nil)
			if r.LetterNumber > 0 {
				letter = r.LetterNumber
			}
			row = append(row, r.Donations, r.MoneyTenge, r.InKindItems, r.InKindTenge, letter)
		}
		t.Rows = append(t.Rows, row)
	}
	return t, nil
}

// DonationsTable lists the donations matching f, one row per donation.
func DonationsTable(ctx context.Context, st ExportStore, f data.DonationFilter, lang string) (Table, error) {
	ds, err := st.FindDonations(ctx, f)
	if err != nil {
		return Table{}, err
	}
	sponsors, err := st.FindSponsors(ctx, data.SponsorFilter{})
	if err != nil {
		return Table{}, err
	}
	byID := map[int64]data.SponsorRow{}
	for _, s := range sponsors {
		byID[s.ID] = s
	}
	t := Table{Name: tr(lang, "Түсімдер", "Поступления"), Headers: trAll(lang,
		[2]string{"Күні", "Дата"}, [2]string{"Демеуші", "Спонсор"}, [2]string{"БСН/ЖСН", "БИН/ИИН"},
		[2]string{"Ақшалай, ₸", "Деньгами, ₸"}, [2]string{"Заттай, дана", "Вещами, шт."},
		[2]string{"Заттай құны, ₸", "Стоимость вещей, ₸"}, [2]string{"Барлығы, ₸", "Всего, ₸"},
		[2]string{"Ескертпе", "Примечание"})}
	for _, d := range ds {
		var items, value int64
		for _, it := range d.Items {
			items += it.Quantity
			value += it.Quantity * it.UnitValueTenge
		}
		sp := byID[d.SponsorID]
		t.Rows = append(t.Rows, []any{d.DonatedOn, sp.Name, sp.BIN, d.MoneyTenge, items, value, d.ValueTenge(), d.Notes})
	}
	return t, nil
}

// DistributionsTable lists the distributions matching f. It holds
// children's personal data.
func DistributionsTable(ctx context.Context, st ExportStore, f data.DistributionFilter, lang string) (Table, error) {
	ds, err := st.FindDistributions(ctx, f)
	if err != nil {
		return Table{}, err
	}
	items, err := st.FindAidItems(ctx)
	if err != nil {
		return Table{}, err
	}
	itemName := map[int64]string{}
	for _, it := range items {
		itemName[it.ID] = it.Name(lang)
	}
	t := Table{Name: tr(lang, "Берілгені", "Выдачи"), Headers: trAll(lang,
		[2]string{"Күні", "Дата"}, [2]string{"Мектеп №", "№ школы"}, [2]string{"ЖСН", "ИИН"},
		[2]string{"Тегі, аты, әкесінің аты", "ФИО"}, [2]string{"Сынып", "Класс"}, [2]string{"Заты", "Предмет"},
		[2]string{"Өлшемі", "Размер"}, [2]string{"Саны", "Количество"}, [2]string{"Акт №", "Акт №"},
		[2]string{"Берген", "Выдал"}), Personal: true}
	for _, d := range ds {
		grade := ""
		if d.Grade > 0 {
			grade = strings.TrimSpace(itoa(d.Grade) + " " + d.GradeLetter)
		}
		t.Rows = append(t.Rows, []any{d.GivenOn, d.SchoolNumber, string(d.ChildIIN), d.ChildName, grade,
			itemName[d.ItemID], d.Size, d.Quantity, d.ActNumber, d.IssuedBy})
	}
	return t, nil
}

var appealWords = map[string][2]string{
	data.ChannelHotline: {"жедел желі", "горячая линия"}, data.ChannelTrustPhone: {"сенім телефоны", "телефон доверия"},
	data.ChannelReception: {"қоғамдық қабылдау", "общественная приёмная"}, data.ChannelWritten: {"жазбаша", "письменно"},
	data.ChannelOnline: {"онлайн", "онлайн"},
	data.AppealNew:     {"Жаңа", "Новое"}, data.AppealInProgress: {"Қаралуда", "На рассмотрении"},
	data.AppealResolved: {"Шешілді", "Решено"}, data.AppealRejected: {"Қабылданбады", "Отклонено"},
}

// AppealsTable lists the appeals matching f. It holds citizens' personal data.
func AppealsTable(ctx context.Context, st ExportStore, f data.AppealFilter, lang string) (Table, error) {
	as, err := st.FindAppeals(ctx, f)
	if err != nil {
		return Table{}, err
	}
	t := Table{Name: tr(lang, "Өтініштер", "Обращения"), Headers: trAll(lang,
		[2]string{"Тіркеу №", "Рег. №"}, [2]string{"Түскен күні", "Дата поступления"}, [2]string{"Арна", "Канал"},
		[2]string{"Өтініш беруші", "Заявитель"}, [2]string{"Телефон", "Телефон"}, [2]string{"Мәні", "Суть"},
		[2]string{"Орындаушы", "Исполнитель"}, [2]string{"Мерзімі", "Срок"}, [2]string{"Мәртебесі", "Статус"},
		[2]string{"Шешімі", "Решение"}), Personal: true}
	for _, a := range as {
		ch, stt := appealWords[a.Channel], appealWords[a.Status]
		t.Rows = append(t.Rows, []any{a.RegNumber, a.ReceivedAt.Format("02.01.2006 15:04"), tr(lang, ch[0], ch[1]),
			a.CitizenName, a.CitizenPhone, a.Subject, a.AssignedTo, a.DueOn, tr(lang, stt[0], stt[1]), a.Resolution})
	}
	return t, nil
}
