package exchange

import "fmt"

// Problem is something wrong with one cell of a list, worded for the clerk.
type Problem struct {
	Row     int    `json:"row"` // the spreadsheet's own row number
	Column  string `json:"column"`
	Value   string `json:"value"` // the cell as written
	Message string `json:"message"`
	// Key is the message key; Warning problems don't reject the row.
	Key     string `json:"-"`
	Warning bool   `json:"-"`
}

// messages words the problems: kk first, ru second.
var messages = map[string][2]string{
	KeyIINDigits:               {"ЖСН 12 цифрдан тұруы керек", "ИИН должен состоять из 12 цифр"},
	KeyIINChecksum:             {"ЖСН-нің бақылау цифры дұрыс емес", "неверная контрольная цифра ИИН"},
	"err.bin.digits":           {"БСН/ЖСН 12 цифрдан тұруы керек", "БИН/ИИН должен состоять из 12 цифр"},
	"err.bin.sum":              {"БСН/ЖСН бақылау цифры дұрыс емес", "неверная контрольная цифра БИН/ИИН"},
	KeyAmount:                  {"сома оқылмады (мысалы: 150 000 немесе 1 500 000,00)", "сумма не распознана (например: 150 000 или 1 500 000,00)"},
	KeyDate:                    {"күн оқылмады (күн.ай.жыл, мысалы 01.09.2019)", "дата не распознана (дд.мм.гггг, например 01.09.2019)"},
	KeyGrade:                   {"сынып оқылмады (мысалы: 5 А)", "класс не распознан (например: 5 А)"},
	KeyPhone:                   {"телефон +7 XXX XXX XX XX түріне келтірілмеді, жазылғандай сақталады", "телефон не приведён к виду +7 XXX XXX XX XX, сохранён как записан"},
	KeyCategory:                {"санат танылмады", "категория не распознана"},
	KeyRequired:                {"толтырылуы керек", "обязательно для заполнения"},
	KeySchool:                  {"мұндай нөмірлі мектеп жоқ", "школы с таким номером нет"},
	KeyCampaign:                {"бұл күнге акция жоқ (акцияны көрсетіңіз)", "на эту дату нет акции (укажите акцию)"},
	KeySex:                     {"жынысы оқылмады (Ер/Әйел, М/Ж)", "пол не распознан (М/Ж)"},
	KeyDuplicate:               {"бұл жол %d-жолдың қайталануы, қосылмайды", "строка повторяет строку %d и не добавляется"},
	KeyBirthMismatch:           {"туған күні ЖСН-мен сәйкес емес (ескерту)", "дата рождения не совпадает с ИИН (предупреждение)"},
	KeySexMismatch:             {"жынысы ЖСН-мен сәйкес емес (ескерту)", "пол не совпадает с ИИН (предупреждение)"},
	KeyEmail:                   {"электрондық пошта дұрыс емес", "неверный адрес электронной почты"},
	KeySponsorKind:             {"демеуші түрі танылмады", "вид спонсора не распознан"},
	KeyBINRequired:             {"ұйым үшін БСН керек", "для организации нужен БИН"},
	"err.child.sex":            {"жынысы M немесе F болуы керек", "пол должен быть M или F"},
	"err.child.category":       {"мұндай санат жоқ", "такой категории нет"},
	"err.child.category_twice": {"санат екі рет жазылған", "категория указана дважды"},
	"err.child.grade":          {"сынып 1-ден 11-ге дейін", "класс от 1 до 11"},
	KeyCellTooLong:             {"ұяшық тым ұзын (%d таңба, ең көбі 4000), жол қосылмайды", "ячейка слишком длинная (%d символов, не более 4000), строка не добавляется"},
	KeyRowSkipped:              {"аралық қорытынды немесе тақырып жолы, өткізіп жіберілді (ескерту)", "промежуточный итог или заголовок, строка пропущена (предупреждение)"},
	KeyHeaderTwice:             {"баған атауы %s бағанымен бірдей, тек біріншісі оқылады (ескерту)", "заголовок совпадает со столбцом %s, читается только первый (предупреждение)"},
}

// Message words a problem in lang (kk or ru), naming row, column and value:
// «12-жол, C («ЖСН») бағаны, «6121160001»: ЖСН 12 цифрдан тұруы керек».
func Message(lang string, row int, column, value, key string, args ...any) string {
	m, ok := messages[key]
	text := key
	if ok {
		text = m[0]
		if lang == "ru" {
			text = m[1]
		}
	}
	if len(args) > 0 {
		text = fmt.Sprintf(text, args...)
	}
	if lang == "ru" {
		return fmt.Sprintf("Строка %d, столбец %s, значение «%s»: %s", row, column, value, text)
	}
	return fmt.Sprintf("%d-жол, %s бағаны, «%s» мәні: %s", row, column, value, text)
}
