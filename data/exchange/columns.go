package exchange

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"sort"
	"strings"
	"unicode"

	"github.com/mektepkezhol/app/data"
)

// Kind is what a list holds.
type Kind string

// Kinds of lists that can be imported.
const (
	Children Kind = "children"
	Sponsors Kind = "sponsors"
)

// Field is a column the importer understands, with the header words of
// the schools' and the accountant's lists that name it (kk and ru).
type Field struct {
	Code     string
	Required bool
	Synonyms []string
	// Stems are word beginnings that point to the field, each with its
	// weight; a header that names no synonym is scored by them (stems.go).
	Stems []stem
}

// ChildFields are the columns of a school's list.
var ChildFields = []Field{
	{Code: "iin", Required: true, Synonyms: []string{"иин", "жсн", "iin", "иин ребенка", "баланың жсн", "иин учащегося", "оқушының жсн"}},
	{Code: "full_name", Synonyms: []string{"фио", "ф и о", "аты жөні", "тегі аты әкесінің аты", "фамилия имя отчество",
		"фио ребенка", "баланың аты жөні", "оқушының аты жөні", "фио учащегося", "тегі аты", "ученик", "оқушы"}},
	{Code: "surname", Synonyms: []string{"фамилия", "тегі"}},
	{Code: "name", Synonyms: []string{"имя", "аты"}},
	{Code: "patronymic", Synonyms: []string{"отчество", "әкесінің аты"}},
	{Code: "birth_date", Synonyms: []string{"дата рождения", "туған күні", "туған күні айы жылы", "д р"}},
	{Code: "sex", Synonyms: []string{"пол", "жынысы"}},
	{Code: "school", Synonyms: []string{"школа", "мектеп", "школа №", "мектеп №", "номер школы", "№ школы", "№ мектеп"}},
	{Code: "grade", Synonyms: []string{"класс", "сынып", "сыныбы"}},
	{Code: "grade_letter", Synonyms: []string{"литер", "литера", "литер класса", "әрпі"}},
	{Code: "categories", Synonyms: []string{"категория", "санат", "санаты", "категория семьи", "отбасы санаты", "социальный статус", "әлеуметтік мәртебесі"}},
	{Code: "address", Synonyms: []string{"адрес", "мекенжай", "мекенжайы", "адрес проживания", "тұрғылықты мекенжайы"}},
	{Code: "guardian_name", Synonyms: []string{"фио родителя", "родитель", "законный представитель", "ата анасы",
		"ата анасының аты жөні", "опекун", "қамқоршы", "заңды өкілі"}},
	{Code: "guardian_phone", Synonyms: []string{"телефон", "тел", "байланыс телефоны", "контактный телефон", "телефон родителя", "ата анасының телефоны"}},
	{Code: "clothing_size", Synonyms: []string{"размер одежды", "киім өлшемі", "размер формы"}},
	{Code: "shoe_size", Synonyms: []string{"размер обуви", "аяқ киім өлшемі"}},
	{Code: "notes", Synonyms: []string{"примечание", "ескерту", "ескертпе"}},
}

// SponsorFields are the columns of the accountant's list of sponsors.
var SponsorFields = []Field{
	{Code: "name", Required: true, Synonyms: []string{"наименование", "атауы", "спонсор", "демеуші", "наименование спонсора",
		"демеушінің атауы", "организация", "ұйым", "фио", "аты жөні", "наименование организации"}},
	{Code: "name_ru", Synonyms: []string{"атауы орыс", "атауы орысша", "орысша атауы", "атауы орыс тілінде",
		"наименование рус", "наименование на русском", "наименование на русском языке", "название рус",
		"название на русском"}},
	{Code: "bin", Synonyms: []string{"бин", "бсн", "bin", "иин", "жсн", "бин иин", "бсн жсн"}},
	{Code: "kind", Synonyms: []string{"вид", "түрі", "тип", "организационно правовая форма"}},
	{Code: "head_name", Synonyms: []string{"руководитель", "басшы", "фио руководителя", "басшының аты жөні"}},
	{Code: "head_title", Synonyms: []string{"должность", "лауазымы", "должность руководителя"}},
	{Code: "contact_person", Synonyms: []string{"контактное лицо", "байланыс тұлғасы"}},
	{Code: "phone", Synonyms: []string{"телефон", "тел", "байланыс телефоны", "контактный телефон"}},
	{Code: "email", Synonyms: []string{"email", "e mail", "эл почта", "электронная почта", "электрондық пошта"}},
	{Code: "address", Synonyms: []string{"адрес", "мекенжай", "мекенжайы", "юридический адрес"}},
	{Code: "notes", Synonyms: []string{"примечание", "ескерту", "ескертпе"}},
	{Code: "amount", Synonyms: []string{"сумма", "сомасы", "сумма тг", "сомасы теңге", "сумма тенге", "сумма пожертвования",
		"ақша сомасы", "ақшалай", "деньгами", "сумма помощи", "көмек сомасы"}},
	{Code: "date", Synonyms: []string{"дата", "күні", "дата поступления", "түскен күні", "дата оплаты", "төлем күні"}},
	{Code: "in_kind", Synonyms: []string{"заттай", "заттай көмек", "вещевая помощь", "вещами", "в натуральной форме"}},
	{Code: "in_kind_value", Synonyms: []string{"заттай көмектің құны", "стоимость вещей", "стоимость вещевой помощи"}},
}

func init() {
	for i, f := range SponsorFields {
		SponsorFields[i].Stems = sponsorStems[f.Code]
	}
}

// Fields returns the columns of a kind of list.
func Fields(k Kind) []Field {
	if k == Sponsors {
		return SponsorFields
	}
	return ChildFields
}

// headerKey folds a header for matching: lower case, punctuation and
// line breaks as single spaces («Ф.И.О.» → «ф и о», «Аты-жөні» → «аты жөні»).
func headerKey(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '№' {
			return unicode.ToLower(r)
		}
		return ' '
	}, s)
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "ё", "е")), " ")
}

// matchHeader finds the field a header names: an exact synonym first, then
// the longest synonym the header starts with (whole words); a sponsors'
// header is also scored by word stems (stems.go), which outweigh a prefix.
func matchHeader(fields []Field, header string) (string, int) {
	h := headerKey(header)
	if h == "" {
		return "", 0
	}
	if len(fields) > 0 && len(fields[0].Stems) > 0 {
		return matchSponsorHeader(fields, header)
	}
	best, bestLen := "", 0
	for _, f := range fields {
		for _, syn := range f.Synonyms {
			switch {
			case h == syn:
				return f.Code, len(syn) + 1000
			case strings.HasPrefix(h, syn+" ") && len(syn) > bestLen:
				best, bestLen = f.Code, len(syn)
			}
		}
	}
	return best, bestLen
}

// Mapping says which column (0-based) holds each field code.
type Mapping map[string]int

// AutoMap maps the visible columns whose headers it recognises. Each field
// goes to the column that names it best; hidden columns are left for the
// user to map by hand.
func AutoMap(k Kind, sh *Sheet) Mapping {
	m := Mapping{}
	score := map[string]int{}
	for col, h := range sh.Header {
		if sh.IsHidden(col) {
			continue
		}
		code, s := matchHeader(Fields(k), h)
		if code != "" && s > score[code] {
			m[code], score[code] = col, s
		}
	}
	return m
}

// Missing lists the required fields a mapping lacks; a list that names
// neither the full name nor the surname lacks the surname.
func (m Mapping) Missing(k Kind) []string {
	var out []string
	for _, f := range Fields(k) {
		if _, ok := m[f.Code]; f.Required && !ok {
			out = append(out, f.Code)
		}
	}
	if k == Children {
		_, full := m["full_name"]
		_, sur := m["surname"]
		if !full && !sur {
			out = append(out, "surname")
		}
	}
	return out
}

// Fingerprint identifies a set of headers, whatever their order, so a
// mapping chosen once is offered again for the next list of the same form.
func Fingerprint(sh *Sheet) string {
	var keys []string
	for _, h := range sh.Header {
		if k := headerKey(h); k != "" {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	sum := sha256.Sum256([]byte(strings.Join(keys, "\x1f")))
	return hex.EncodeToString(sum[:8])
}

// settingsKey names a remembered mapping in data.Settings.Extra.
func settingsKey(k Kind, sh *Sheet) string {
	return "import.mapping." + string(k) + "." + Fingerprint(sh)
}

// RememberedMapping returns the mapping saved for the sheet's header set,
// by header text so that a reordered list maps the same.
func RememberedMapping(st data.Settings, k Kind, sh *Sheet) (Mapping, bool) {
	raw, ok := st.Extra[settingsKey(k, sh)]
	if !ok {
		return nil, false
	}
	var byHeader map[string]string
	if json.Unmarshal([]byte(raw), &byHeader) != nil {
		return nil, false
	}
	m := Mapping{}
	for col, h := range sh.Header {
		if code, ok := byHeader[headerKey(h)]; ok && headerKey(h) != "" {
			m[code] = col
		}
	}
	return m, len(m) > 0
}

// RememberMapping stores m for the sheet's header set in st.Extra; the
// caller saves st with Store.SaveSettings.
func RememberMapping(st *data.Settings, k Kind, sh *Sheet, m Mapping) {
	byHeader := map[string]string{}
	for code, col := range m {
		if col >= 0 && col < len(sh.Header) {
			byHeader[headerKey(sh.Header[col])] = code
		}
	}
	b, _ := json.Marshal(byHeader)
	if st.Extra == nil {
		st.Extra = map[string]string{}
	}
	st.Extra[settingsKey(k, sh)] = string(b)
}

// fieldLabels name the fields in kk and ru, for the mapping step and for
// problems with a column the list does not have.
var fieldLabels = map[string][2]string{
	"iin": {"ЖСН", "ИИН"}, "full_name": {"Тегі, аты, әкесінің аты", "ФИО"}, "surname": {"Тегі", "Фамилия"},
	"name": {"Аты", "Имя"}, "patronymic": {"Әкесінің аты", "Отчество"}, "birth_date": {"Туған күні", "Дата рождения"},
	"sex": {"Жынысы", "Пол"}, "school": {"Мектеп №", "№ школы"}, "grade": {"Сынып", "Класс"},
	"grade_letter": {"Сынып әрпі", "Литер класса"}, "categories": {"Санаты", "Категория"},
	"address": {"Мекенжайы", "Адрес"}, "guardian_name": {"Ата-анасының аты-жөні", "ФИО родителя"},
	"guardian_phone": {"Ата-анасының телефоны", "Телефон родителя"}, "clothing_size": {"Киім өлшемі", "Размер одежды"},
	"shoe_size": {"Аяқ киім өлшемі", "Размер обуви"}, "notes": {"Ескертпе", "Примечание"},
	"name_ru": {"Атауы (орыс.)", "Наименование (рус.)"}, "bin": {"БСН/ЖСН", "БИН/ИИН"}, "kind": {"Түрі", "Вид"}, "head_name": {"Басшы", "Руководитель"},
	"head_title": {"Лауазымы", "Должность"}, "contact_person": {"Байланыс тұлғасы", "Контактное лицо"},
	"phone": {"Телефон", "Телефон"}, "email": {"Email", "Email"}, "amount": {"Сомасы, теңге", "Сумма, тенге"},
	"date": {"Күні", "Дата"}, "in_kind": {"Заттай көмек", "Вещевая помощь"},
	"in_kind_value": {"Заттай көмектің құны, теңге", "Стоимость вещей, тенге"},
}

// FieldLabel names a field in lang (kk or ru); the sponsor's name field is
// «Атауы» / «Наименование».
func FieldLabel(k Kind, code, lang string) string {
	l, ok := fieldLabels[code]
	if k == Sponsors && code == "name" {
		l, ok = [2]string{"Атауы", "Наименование"}, true
	}
	if !ok {
		return code
	}
	return tr(lang, l[0], l[1])
}

// Column is one column of the list and the field it was read as; Field
// is nil for a column the import leaves out.
type Column struct {
	Column string  `json:"column"`
	Header string  `json:"header"`
	Field  *string `json:"field"`
}

// Columns lists every column of the sheet with the field mapped to it.
func Columns(sh *Sheet, m Mapping) []Column { return columns(sh, m, sheetWidth(sh)) }

// sheetWidth counts the columns of the header and of the widest row.
func sheetWidth(sh *Sheet) int {
	width := len(sh.Header)
	for _, r := range sh.Rows {
		width = max(width, len(r.Cells))
	}
	return width
}

func columns(sh *Sheet, m Mapping, width int) []Column {
	width = max(width, len(sh.Header))
	byCol := map[int]string{}
	for code, col := range m {
		if !strings.HasPrefix(code, leftOut) {
			byCol[col] = code
		}
	}
	out := make([]Column, width)
	for col := range out {
		out[col] = Column{Column: columnLetter(col), Header: strings.Join(strings.Fields(cellAt(sh.Header, col)), " ")}
		if code, ok := byCol[col]; ok {
			out[col].Field = &code
		}
	}
	return out
}
