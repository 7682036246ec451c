package lingo

import "testing"

// The expected forms are written from the grammar: the Russian genitive of
// the city names of the region, the Kazakh genitive suffix after a vowel,
// the councils' official names.
func TestCityCouncil(t *testing.T) {
	for _, c := range []struct{ city, lang, want string }{
		{"Қарағанды", "kk", "Қарағанды қалалық мәслихаты"},
		{"Теміртау", "kk", "Теміртау қалалық мәслихаты"},
		{"Караганда", "ru", "маслихат города Караганды"},
		{"Шахтинск", "ru", "маслихат города Шахтинска"},
		{"Темиртау", "ru", "маслихат города Темиртау"},
		{"Балхаш", "ru", "маслихат города Балхаша"},
		{"Алматы", "ru", "маслихат города Алматы"},
		{"Астана", "ru", "маслихат города Астаны"},
		{"Жезказган", "ru", "маслихат города Жезказгана"},
		{"Сатпаев", "ru", "маслихат города Сатпаева"},
	} {
		if got := CityCouncil(c.city, c.lang); got != c.want {
			t.Errorf("CityCouncil(%q, %s) = %q, want %q", c.city, c.lang, got, c.want)
		}
	}
}

func TestOfficeOf(t *testing.T) {
	for _, c := range []struct{ name, lang, want string }{
		{"Қарағанды облысы білім басқармасының Қарағанды қаласы білім бөлімі", "kk",
			"Қарағанды облысы білім басқармасының Қарағанды қаласы білім бөлімінің"},
		{"Теміртау қаласының білім басқармасы", "kk", "Теміртау қаласының білім басқармасының"},
		{"Отдел образования города Караганды управления образования Карагандинской области", "ru",
			"отдела образования города Караганды управления образования Карагандинской области"},
		{"Управление образования Карагандинской области", "ru", "управления образования Карагандинской области"},
		{"Департамент образования", "ru", "департамента образования"},
		{"", "ru", ""},
	} {
		if got := OfficeOf(c.name, c.lang); got != c.want {
			t.Errorf("OfficeOf(%q, %s) = %q, want %q", c.name, c.lang, got, c.want)
		}
	}
}

func TestCityLine(t *testing.T) {
	if got := CityLine("Қарағанды", "kk"); got != "Қарағанды"+NBSP+"қ." {
		t.Errorf("kk: %q", got)
	}
	if got := CityLine("Караганда", "ru"); got != "г."+NBSP+"Караганда" {
		t.Errorf("ru: %q", got)
	}
}
