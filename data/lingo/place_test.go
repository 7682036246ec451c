package lingo

import "testing"

// The expected forms are written from the grammar: the Russian genitive of
// the city names of the region, the Kazakh genitive suffix after a vowel.
func TestCityOf(t *testing.T) {
	for _, c := range []struct{ city, lang, want string }{
		{"Қарағанды", "kk", "Қарағанды қаласының"},
		{"Теміртау", "kk", "Теміртау қаласының"},
		{"Караганда", "ru", "города Караганды"},
		{"Шахтинск", "ru", "города Шахтинска"},
		{"Темиртау", "ru", "города Темиртау"},
		{"Балхаш", "ru", "города Балхаша"},
		{"Алматы", "ru", "города Алматы"},
		{"Астана", "ru", "города Астаны"},
		{"Жезказган", "ru", "города Жезказгана"},
		{"Сатпаев", "ru", "города Сатпаева"},
	} {
		if got := CityOf(c.city, c.lang); got != c.want {
			t.Errorf("CityOf(%q, %s) = %q, want %q", c.city, c.lang, got, c.want)
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
