package report

import "testing"

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
