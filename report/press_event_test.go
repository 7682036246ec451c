package report

import (
	"testing"

	"github.com/mektepkezhol/app/data"
)

func TestKKLocative(t *testing.T) {
	tests := []struct {
		place, want string
		ok          bool
	}{
		{"№3 гимназия", "№3 гимназияда", true},
		{"№12 жалпы білім беретін мектеп", "№12 жалпы білім беретін мектепте", true},
		{"Қарағанды қаласы білім бөлімі", "Қарағанды қаласы білім бөлімінде", true},
		{"«Шахтер» сарайы", "«Шахтер» сарайында", true},
		{"Мәдениет орталығы", "Мәдениет орталығында", true},
		{"Бұқар жырау даңғылы, 47", "", false},
	}
	for _, tt := range tests {
		if got, ok := kkLocative(tt.place); got != tt.want || ok != tt.ok {
			t.Errorf("kkLocative(%q) = %q, %v; want %q, %v", tt.place, got, ok, tt.want, tt.ok)
		}
	}
}

func TestRUInPlace(t *testing.T) {
	tests := []struct {
		place, want string
		ok          bool
	}{
		{"Гимназия №3", "в гимназии №3", true},
		{"Школа-лицей №5", "в школе-лицее №5", true},
		{"Дворец школьников", "во Дворце школьников", true},
		{"Центр детского творчества", "в Центре детского творчества", true},
		{"Отдел образования города Караганды", "в Отделе образования города Караганды", true},
		{"КГУ «Гимназия №3»", "", false},
		{"пр. Бухар жырау, 47", "", false},
	}
	for _, tt := range tests {
		if got, ok := ruInPlace(tt.place); got != tt.want || ok != tt.ok {
			t.Errorf("ruInPlace(%q) = %q, %v; want %q, %v", tt.place, got, ok, tt.want, tt.ok)
		}
	}
}

// TestParticipants: the bodies are named in the genitive before
// «өкілдері» / after «представители», the sponsors on their own.
func TestParticipants(t *testing.T) {
	all := data.EventParticipants
	tests := []struct {
		parts []string
		lang  string
		want  string
	}{
		{all, "kk", "Қарағанды қалалық мәслихатының, білім бөлімінің, жергілікті полицияның, пробация қызметінің, білім беру ұйымдарының өкілдері және демеушілер"},
		{all, "ru", "представители маслихата города Караганды, отдела образования, местной полиции, службы пробации и организаций образования, а также спонсоры"},
		{[]string{data.PartPolice}, "kk", "жергілікті полицияның өкілдері"},
		{[]string{data.PartPolice}, "ru", "представители местной полиции"},
		{[]string{data.PartSponsors}, "kk", "демеушілер"},
		{[]string{data.PartSponsors, data.PartDepartment}, "ru", "представители отдела образования, а также спонсоры"},
		{nil, "ru", ""},
	}
	for _, tt := range tests {
		city := map[string]string{"kk": "Қарағанды", "ru": "Караганда"}[tt.lang]
		if got := participants(tt.parts, city, tt.lang); got != tt.want {
			t.Errorf("participants(%v, %s) =\n%q; want\n%q", tt.parts, tt.lang, got, tt.want)
		}
	}
}

func TestNamesUnit(t *testing.T) {
	tests := []struct {
		name, unit string
		want       bool
	}{
		{"кеңсе тауарлары жинағы", "жинақ", true},
		{"набор канцтоваров", "набор", true},
		{"мектеп формасы", "жиынтық", false},
		{"аяқ киім", "жұп", false},
		{"рюкзак", "дана", false},
		{"обувь", "пара", false},
	}
	for _, tt := range tests {
		if got := namesUnit(tt.name, tt.unit); got != tt.want {
			t.Errorf("namesUnit(%q, %q) = %v; want %v", tt.name, tt.unit, got, tt.want)
		}
	}
}
