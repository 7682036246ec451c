package exchange

import "testing"

// The accountant's and the schools' headers as people write them, kk and
// ru; the field each names was decided by reading the header, not the
// importer's output.
func TestMatchHeaderAsWritten(t *testing.T) {
	tests := []struct {
		kind   Kind
		header string
		want   string // "" when the header names no field
	}{
		// The accountant's list: money.
		{Sponsors, "Сомасы, тг", "amount"},
		{Sponsors, "Сумма (тенге)", "amount"},
		{Sponsors, "Ақша, ₸", "amount"},
		{Sponsors, "Сумма пожертвования, KZT", "amount"},
		{Sponsors, "Сомасы\n(теңге)", "amount"},
		{Sponsors, "СУММА, тг.", "amount"},
		{Sponsors, "Суммасы", "amount"},
		{Sponsors, "Ақшалай көмек сомасы, теңге", "amount"},
		{Sponsors, "Ақшалай қаражат", "amount"},
		{Sponsors, "Денежные средства, тенге", "amount"},
		{Sponsors, "Сумма перечисления", "amount"},
		{Sponsors, "Аударылған сома, ₸", "amount"},
		{Sponsors, "Сумма взноса (₸)", "amount"},
		{Sponsors, "Ақша сомасы (KZT)", "amount"},
		{Sponsors, "5. Сома", "amount"},
		{Sponsors, "Сумма, сом", "amount"},
		{Sponsors, "Деньгами, ₸", "amount"},
		{Sponsors, "Қаржылай көмек", "amount"},
		{Sponsors, "Оказанная помощь, тенге", "amount"},
		{Sponsors, "Көмек, ₸", "amount"},
		{Sponsors, "Сомасы (теңгемен)", "amount"},
		// In kind.
		{Sponsors, "Заттай көмек", "in_kind"},
		{Sponsors, "Вещевая помощь", "in_kind"},
		{Sponsors, "Помощь в натуральной форме (наименование, кол-во)", "in_kind"},
		{Sponsors, "Заттай көмек (атауы, саны)", "in_kind"},
		{Sponsors, "Заттай", "in_kind"},
		{Sponsors, "Вещами", "in_kind"},
		{Sponsors, "Натуральная помощь", "in_kind"},
		{Sponsors, "Берілген заттар", "in_kind"},
		{Sponsors, "Переданные вещи (наименование, количество)", "in_kind"},
		{Sponsors, "Товары (канцтовары, форма)", "in_kind"},
		{Sponsors, "Заттай түрде", "in_kind"},
		{Sponsors, "Гуманитарная помощь", "in_kind"},
		// Their fair value.
		{Sponsors, "Заттай көмектің құны, теңге", "in_kind_value"},
		{Sponsors, "Стоимость вещей, тг", "in_kind_value"},
		{Sponsors, "Стоимость вещевой помощи (тенге)", "in_kind_value"},
		{Sponsors, "Оценочная стоимость", "in_kind_value"},
		{Sponsors, "Заттардың құны, ₸", "in_kind_value"},
		{Sponsors, "Справедливая стоимость, KZT", "in_kind_value"},
		{Sponsors, "Бағалау құны", "in_kind_value"},
		{Sponsors, "Заттай көмек, тг", "in_kind_value"},
		// The date.
		{Sponsors, "Берілген күні", "date"},
		{Sponsors, "Дата перечисления", "date"},
		{Sponsors, "Түскен күні", "date"},
		{Sponsors, "Күні", "date"},
		{Sponsors, "Дата поступления средств", "date"},
		{Sponsors, "Төлем күні", "date"},
		{Sponsors, "Аударылған күні", "date"},
		{Sponsors, "Дата\nпередачи", "date"},
		{Sponsors, "Число", "date"},
		// The sponsor.
		{Sponsors, "Демеушінің атауы / Наименование спонсора", "name"},
		{Sponsors, "Наименование спонсора (ТОО, ИП)", "name"},
		{Sponsors, "Демеуші", "name"},
		{Sponsors, "Демеушілер", "name"},
		{Sponsors, "Спонсор (организация, ФИО)", "name"},
		{Sponsors, "Ұйымның атауы", "name"},
		{Sponsors, "Жертвователь", "name"},
		{Sponsors, "Благотворитель", "name"},
		{Sponsors, "Ф.И.О. / Наименование", "name"},
		{Sponsors, "Наименование организации", "name"},
		{Sponsors, "Меценат", "name"},
		{Sponsors, "БСН/ЖСН", "bin"},
		{Sponsors, "БИН (ИИН)", "bin"},
		{Sponsors, "БИН спонсора", "bin"},
		{Sponsors, "Руководитель", "head_name"},
		{Sponsors, "Бірінші басшы", "head_name"},
		{Sponsors, "Директор", "head_name"},
		{Sponsors, "Лауазымы", "head_title"},
		{Sponsors, "Должность руководителя", "head_title"},
		{Sponsors, "Контактное лицо", "contact_person"},
		{Sponsors, "Байланыс тұлғасы", "contact_person"},
		{Sponsors, "Телефон", "phone"},
		{Sponsors, "Байланыс телефоны", "phone"},
		{Sponsors, "Моб. тел.", "phone"},
		{Sponsors, "Контактный телефон", "phone"},
		{Sponsors, "E-mail", "email"},
		{Sponsors, "Эл. почта", "email"},
		{Sponsors, "Заңды мекенжайы", "address"},
		{Sponsors, "Юридический адрес", "address"},
		{Sponsors, "Ескертпе", "notes"},
		{Sponsors, "Примечание", "notes"},
		{Sponsors, "Организационно-правовая форма", "kind"},
		{Sponsors, "Ұйымдық-құқықтық нысаны", "kind"},
		{Sponsors, "Вид", "kind"},
		// Headers that name nothing.
		{Sponsors, "№ п/п", ""},
		{Sponsors, "№", ""},
		{Sponsors, "Р/с", ""},
		{Sponsors, "Көмек түрі", ""},
		{Sponsors, "", ""},
		// The schools' list: matched as it always was.
		{Children, "ИИН", "iin"},
		{Children, "Баланың ЖСН", "iin"},
		{Children, "Ф.И.О.", "full_name"},
		{Children, "Аты-жөні", "full_name"},
		{Children, "Тегі", "surname"},
		{Children, "Имя", "name"},
		{Children, "Әкесінің аты", "patronymic"},
		{Children, "Дата рождения", "birth_date"},
		{Children, "Туған күні", "birth_date"},
		{Children, "Жынысы", "sex"},
		{Children, "Мектеп №", "school"},
		{Children, "№ школы", "school"},
		{Children, "Сынып", "grade"},
		{Children, "Класс", "grade"},
		{Children, "Категория семьи", "categories"},
		{Children, "Санаты", "categories"},
		{Children, "Мекенжайы", "address"},
		{Children, "ФИО родителя", "guardian_name"},
		{Children, "Ата-анасының телефоны", "guardian_phone"},
		{Children, "Размер обуви", "shoe_size"},
		{Children, "Киім өлшемі", "clothing_size"},
		{Children, "Ескерту", "notes"},
		{Children, "№ п/п", ""},
		{Children, "Сумма", ""},
	}
	for _, tt := range tests {
		t.Run(string(tt.kind)+"/"+tt.header, func(t *testing.T) {
			if got, _ := matchHeader(Fields(tt.kind), tt.header); got != tt.want {
				t.Fatalf("matchHeader(%q) = %q, want %q", tt.header, got, tt.want)
			}
		})
	}
}
