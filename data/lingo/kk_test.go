package lingo_test

import (
	"strings"
	"testing"

	"github.com/mektepkezhol/app/data/lingo"
)

// kkNumerals are written by hand from the grammar: the suffix follows the
// last word read aloud (167 → жеті → «-ге») by its last sound and vowel.
var kkNumerals = map[lingo.Case]string{
	lingo.Dative: "0-ге 1-ге 2-ге 3-ке 4-ке 5-ке 6-ға 7-ге 8-ге 9-ға 10-ға 11-ге 12-ге 14-ке 15-ке 19-ға 20-ға " +
		"21-ге 22-ге 25-ке 30-ға 40-қа 50-ге 60-қа 70-ке 80-ге 90-ға 100-ге 101-ге 111-ге 167-ге 1000-ға 1058-ге 2117-ге 1000000-ға",
	lingo.Possessive: "0-і 1-і 2-сі 3-і 4-і 5-і 6-сы 7-сі 8-і 9-ы 10-ы 20-сы 30-ы 39-ы 40-ы 50-і 60-ы 67-сі 70-і " +
		"80-і 90-ы 100-і 150-і 1000-ы 1058-і 2117-сі",
	lingo.Genitive: "1-дің 2-нің 3-тің 4-тің 5-тің 6-ның 7-нің 8-дің 9-дың 10-ның 20-ның 30-дың 40-тың 50-дің " +
		"60-тың 70-тің 80-нің 90-ның 100-дің 150-дің 1000-ның",
	lingo.Locative: "1-де 2-де 3-те 4-те 5-те 6-да 9-да 10-да 20-да 40-та 100-де 1000-да 2019-да 2020-да",
	lingo.Ablative: "1-ден 2-ден 3-тен 4-тен 5-тен 6-дан 7-ден 8-ден 9-дан 10-нан 20-дан 30-дан 40-тан 50-ден " +
		"60-тан 80-нен 90-нан 100-ден 1000-нан",
	lingo.Accusative:   "1-ді 2-ні 3-ті 4-ті 5-ті 6-ны 7-ні 8-ді 9-ды 10-ды 20-ны 40-ты 50-ді 100-ді 1000-ды",
	lingo.Ordinal:      "1-ші 2-ші 3-ші 4-ші 5-ші 6-шы 7-ші 8-ші 9-шы 10-шы 11-ші 20-шы 30-шы 40-шы 100-ші",
	lingo.Instrumental: "1-мен 2-мен 3-пен 5-пен 6-мен 8-бен 9-бен 10-мен 20-мен 40-пен 50-мен 100-бен 1000-мен",
}

func TestKazakhNumerals(t *testing.T) {
	cases := 0
	for c, list := range kkNumerals {
		for _, want := range strings.Fields(list) {
			digits, _, _ := strings.Cut(want, "-")
			var n int64
			for _, r := range digits {
				n = n*10 + int64(r-'0')
			}
			got := strings.ReplaceAll(lingo.KK.Numeral(n, c), lingo.NBSP, "")
			if got != want {
				t.Errorf("KK.Numeral(%d, %d) = %q, want %q", n, c, got, want)
			}
			cases++
		}
	}
	t.Logf("%d numeral cases", cases)
}

func TestKazakhWords(t *testing.T) {
	tests := []struct {
		word string
		c    lingo.Case
		want string
	}{
		{"бала", lingo.Dative, "балаға"}, {"бала", lingo.Genitive, "баланың"}, {"бала", lingo.Accusative, "баланы"},
		{"бала", lingo.Locative, "балада"}, {"бала", lingo.Ablative, "баладан"}, {"бала", lingo.Possessive, "баласы"},
		{"мектеп", lingo.Dative, "мектепке"}, {"мектеп", lingo.Genitive, "мектептің"}, {"мектеп", lingo.Accusative, "мектепті"},
		{"мектеп", lingo.Locative, "мектепте"}, {"мектеп", lingo.Ablative, "мектептен"}, {"мектеп", lingo.Possessive, "мектебі"},
		{"бірлік", lingo.Genitive, "бірліктің"}, {"бірлік", lingo.Dative, "бірлікке"}, {"бірлік", lingo.Possessive, "бірлігі"},
		{"хат", lingo.Dative, "хатқа"}, {"хат", lingo.Genitive, "хаттың"}, {"хат", lingo.Possessive, "хаты"},
		{"демеуші", lingo.Dative, "демеушіге"}, {"демеуші", lingo.Genitive, "демеушінің"}, {"демеуші", lingo.Possessive, "демеушісі"},
		{"өтініш", lingo.Dative, "өтінішке"}, {"өтініш", lingo.Genitive, "өтініштің"}, {"өтініш", lingo.Possessive, "өтініші"},
		{"жиынтық", lingo.Dative, "жиынтыққа"}, {"жиынтық", lingo.Possessive, "жиынтығы"}, {"жиынтық", lingo.Locative, "жиынтықта"},
		{"жинақ", lingo.Dative, "жинаққа"}, {"жинақ", lingo.Possessive, "жинағы"},
		{"жұп", lingo.Dative, "жұпқа"}, {"жұп", lingo.Possessive, "жұбы"},
		{"дана", lingo.Dative, "данаға"}, {"дана", lingo.Genitive, "дананың"},
		{"теңге", lingo.Dative, "теңгеге"}, {"теңге", lingo.Ablative, "теңгеден"},
		{"сынып", lingo.Dative, "сыныпқа"}, {"сынып", lingo.Locative, "сыныпта"},
		{"Қарағанды", lingo.Dative, "Қарағандыға"}, {"Қарағанды", lingo.Locative, "Қарағандыда"},
		{"Астана", lingo.Ablative, "Астанадан"}, {"пайыз", lingo.Dative, "пайызға"}, {"жыл", lingo.Locative, "жылда"},
		{"гимназия", lingo.Locative, "гимназияда"}, {"оқушы", lingo.Dative, "оқушыға"}, {"ұжым", lingo.Dative, "ұжымға"},
		{"ұжым", lingo.Ablative, "ұжымнан"}, {"әріптес", lingo.Dative, "әріптеске"}, {"көмек", lingo.Possessive, "көмегі"},
	}
	for _, tt := range tests {
		if got := lingo.KK.Inflect(tt.word, tt.c); got != tt.want {
			t.Errorf("KK.Inflect(%s, %d) = %q, want %q", tt.word, tt.c, got, tt.want)
		}
	}
}

func TestKazakhCount(t *testing.T) {
	// Kazakh keeps the noun singular after any number.
	for _, noun := range []string{"бала", "жиынтық", "жинақ", "жұп", "дана", "бірлік", "демеуші", "өтініш", "мектеп", "хат", "теңге"} {
		for i, n := range goldenNumbers {
			want := ruGoldenNumber[i] + " " + noun
			if got := strings.ReplaceAll(lingo.Count("kk", n, noun), lingo.NBSP, " "); got != want {
				t.Errorf("Count(kk, %d, %s) = %q, want %q", n, noun, got, want)
			}
		}
	}
	if got, want := lingo.KK.Count(4, "бала", lingo.Dative), "4\u00a0балаға"; got != want {
		t.Errorf("KK.Count(4, бала, Dative) = %q, want %q", got, want)
	}
	if got, want := lingo.KK.Count(150, "бірлік", lingo.Genitive), "150\u00a0бірліктің"; got != want {
		t.Errorf("KK.Count(150, бірлік, Genitive) = %q, want %q", got, want)
	}
}

func TestKazakhPercentAndDecimal(t *testing.T) {
	tests := []struct{ got, want string }{
		{lingo.KK.Percent("19", lingo.Dative), "19 %-ға"},
		{lingo.KK.Percent("8,6", lingo.Dative), "8,6 %-ға"},
		{lingo.KK.Percent("8,6", lingo.Locative), "8,6 %-да"},
		{lingo.KK.Percent("12", lingo.Nominative), "12 %"},
		{lingo.KK.Decimal("8,6", lingo.Dative), "8,6-ға"},
		{lingo.KK.Decimal("2,5", lingo.Dative), "2,5-ке"},
		{lingo.KK.Decimal("1,3", lingo.Possessive), "1,3-і"},
	}
	for _, tt := range tests {
		if got := strings.ReplaceAll(tt.got, lingo.NBSP, " "); got != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
	}
}
