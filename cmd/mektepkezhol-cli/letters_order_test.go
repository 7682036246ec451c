package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/mektepkezhol/app/data"
)

// TestUnthankedInKazakhAlphabet: `letters --unthanked` lists the donors in
// the order their letters will be numbered, the Kazakh alphabet's (а ә б
// в г ғ д е ё ж з и й к қ л м н ң о ө п р с т у ұ ү ф х һ ц ч ш щ ъ ы і ь
// э ю я), each filed under its own name, not its legal form or quotes.
func TestUnthankedInKazakhAlphabet(t *testing.T) {
	db, _ := lettersDemo(t)
	st, c := openCampaign(t, db)
	ctx := context.Background()
	order := []string{"Ахметов Тестбек", "Әлімжанов Тестбек", "«Қазына Тест» ЖШС", "«Шахтёр Тест» ЖШС", "Іргебаев Тестбек"}
	for i, n := range []int{4, 2, 0, 3, 1} { // neither the alphabet's nor the code points' order
		sp := data.Sponsor{Name: order[n], Kind: data.SponsorIndividual}
		if strings.HasSuffix(sp.Name, "ЖШС") {
			sp.Kind = data.SponsorLegal
			for serial := 600 + 10*i; sp.BIN == ""; serial++ {
				if bin, ok := data.MakeBIN(data.Date(2012, 4, 1), '4', serial); ok {
					sp.BIN = string(bin)
				}
			}
		}
		if err := st.CreateSponsor(ctx, &sp); err != nil {
			t.Fatalf("%s: %v", sp.Name, err)
		}
		d := data.Donation{SponsorID: sp.ID, CampaignID: c.ID, DonatedOn: c.DefaultDay(time.Now()), MoneyTenge: 10000}
		if err := st.CreateDonation(ctx, &d); err != nil {
			t.Fatalf("donation of %s: %v", sp.Name, err)
		}
	}
	code, out, stderr := cli(t, "--db", db, "letters", "--campaign", "2019", "--unthanked")
	if code != 0 {
		t.Fatalf("--unthanked: exit %d: %s", code, stderr)
	}
	last := -1
	for _, name := range order {
		at := strings.Index(out, name)
		if at < 0 || at < last {
			t.Fatalf("%s at %d, after %d; want the order %q in:\n%s", name, at, last, order, out)
		}
		last = at
	}
}
