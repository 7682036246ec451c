package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/rand/v2"
	"time"
)

// DemoOptions sizes the demo data; zero fields take the city's defaults.
type DemoOptions struct {
	Children      int
	Sponsors      int
	Distributions int // of the 2019 campaign; 2018 gets three quarters
	Seed          uint64
}

// Demo scales; DemoScale returns their options.
var demoScales = map[string]DemoOptions{
	"city":   {Children: 3000, Sponsors: 120, Distributions: 5000},
	"region": {Children: 60000, Sponsors: 1500, Distributions: 150000},
	"stress": {Children: 300000, Sponsors: 5000, Distributions: 1000000},
}

// DemoScale returns the options of a named scale: city, region or stress.
func DemoScale(name string) (DemoOptions, bool) {
	o, ok := demoScales[name]
	return o, ok
}

func (o DemoOptions) withDefaults() DemoOptions {
	def := demoScales["city"]
	if o.Children <= 0 {
		o.Children = def.Children
	}
	if o.Sponsors <= 0 {
		o.Sponsors = def.Sponsors
	}
	if o.Distributions < 0 || o.Distributions == 0 {
		o.Distributions = def.Distributions
	}
	if max := o.Children * 5; o.Distributions > max {
		o.Distributions = max // a child gets each item at most once
	}
	if o.Seed == 0 {
		o.Seed = 2019
	}
	return o
}

// ErrNotEmpty is returned by FillDemo for a database that holds data.
var ErrNotEmpty = errors.New("the database is not empty")

// IsEmpty tells whether the database holds no campaign, sponsor or child.
func (s *Store) IsEmpty(ctx context.Context) (bool, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM campaigns) + (SELECT count(*) FROM sponsors)
		+ (SELECT count(*) FROM children)`).Scan(&n)
	return n == 0, err
}

// FillDemo fills an empty database with the demo: the 2019 campaign of the
// press release (and a smaller 2018 one to compare with), in one
// transaction. The data is the same for the same options.
func (s *Store) FillDemo(ctx context.Context, opt DemoOptions) error {
	opt = opt.withDefaults()
	empty, err := s.IsEmpty(ctx)
	if err != nil {
		return err
	}
	if !empty {
		return fmt.Errorf("%s: %w", s.path, ErrNotEmpty)
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		// A fresh generator each run: a retried transaction makes the same data.
		g := &demoGen{s: s, ctx: ctx, tx: tx, opt: opt, rnd: rand.New(rand.NewPCG(opt.Seed, opt.Seed^0x5eed)), iins: map[IIN]bool{}}
		return g.run()
	})
}

type demoGen struct {
	s        *Store
	ctx      context.Context
	tx       *sql.Tx
	opt      DemoOptions
	rnd      *rand.Rand
	iins     map[IIN]bool
	schools  []School
	children []Child
	sponsors []Sponsor
	items    []AidItem
	// publicOrgs and stateBodies count the organisations named so far.
	publicOrgs, stateBodies int
}

func (g *demoGen) pick(list []string) string { return list[g.rnd.IntN(len(list))] }

func (g *demoGen) dayIn(from, to time.Time) time.Time {
	days := int(to.Sub(from).Hours() / 24)
	return from.AddDate(0, 0, g.rnd.IntN(days+1))
}

func (g *demoGen) phone() string {
	return fmt.Sprintf("+7 70%d %03d %02d %02d", g.rnd.IntN(8), g.rnd.IntN(1000), g.rnd.IntN(100), g.rnd.IntN(100))
}

func (g *demoGen) run() error {
	steps := []func() error{g.settings, g.makeSchools, g.makeChildren, g.makeSponsors}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	var err error
	if g.items, err = findAidItems(g.ctx, g.tx); err != nil {
		return err
	}
	campaigns := []struct {
		c             Campaign
		donors, dists int
		appeals       int
		unthanked     int
	}{
		{Campaign{Year: 2018, NameKK: "Мектепке жол – 2018", NameRU: "Дорога в школу – 2018", Slogan: "Балаға қамқорлық",
			StartsOn: Date(2018, 7, 1), EndsOn: Date(2018, 9, 30), Status: CampaignClosed},
			g.opt.Sponsors * 7 / 10, g.opt.Distributions * 3 / 4, 50, 0},
		{Campaign{Year: 2019, NameKK: "Мектепке жол – 2019", NameRU: "Дорога в школу – 2019", Slogan: "Жүректен жүрекке",
			StartsOn: Date(2019, 7, 1), EndsOn: Date(2019, 9, 30), Status: CampaignClosed},
			g.opt.Sponsors * 92 / 100, g.opt.Distributions, 84, 6},
	}
	for _, cp := range campaigns {
		c := cp.c
		if err := g.s.createCampaign(g.ctx, g.tx, &c); err != nil {
			return err
		}
		if err := g.campaign(c, cp.donors, cp.dists, cp.appeals, cp.unthanked); err != nil {
			return fmt.Errorf("demo campaign %d: %w", c.Year, err)
		}
	}
	return nil
}

func (g *demoGen) settings() error {
	st := DefaultSettings()
	st.HeadName = "Ж. Қ. Смағұлова"
	st.HotlinePhones = []string{"343413", "343719", "343528"}
	return g.s.saveSettings(g.ctx, g.tx, st)
}

func (g *demoGen) makeSchools() error {
	n := 40 + max(0, (g.opt.Children-3000)/1000)
	n = min(n, 400)
	for i := 1; i <= n; i++ {
		sc := School{Number: i, Type: SchoolGeneral, District: districts[i%2],
			Address:  fmt.Sprintf("Қарағанды қ., %s, %d", g.pick(streets), 1+g.rnd.IntN(120)),
			Director: g.personName(g.rnd.IntN(2) == 0, true), Phone: fmt.Sprintf("8 (7212) %02d-%02d-%02d", 30+g.rnd.IntN(70), g.rnd.IntN(100), g.rnd.IntN(100))}
		switch {
		case i == 3 || i == 1 || i%13 == 0:
			sc.Type, sc.NameKK, sc.NameRU = SchoolGymnasium, fmt.Sprintf("№%d гимназия", i), fmt.Sprintf("Гимназия №%d", i)
		case i%17 == 0 || i == 2:
			sc.Type, sc.NameKK, sc.NameRU = SchoolLyceum, fmt.Sprintf("№%d лицей", i), fmt.Sprintf("Лицей №%d", i)
		case i%19 == 0:
			sc.Type, sc.NameKK, sc.NameRU = SchoolSpecial, fmt.Sprintf("№%d арнайы мектеп-интернат", i), fmt.Sprintf("Специальная школа-интернат №%d", i)
		default:
			sc.NameKK, sc.NameRU = fmt.Sprintf("№%d жалпы білім беретін мектеп", i), fmt.Sprintf("Общеобразовательная школа №%d", i)
		}
		if err := g.s.createSchool(g.ctx, g.tx, &sc); err != nil {
			return err
		}
		g.schools = append(g.schools, sc)
	}
	return nil
}

// personName makes «Surname N. P.» (short) or a full name.
func (g *demoGen) personName(female, short bool) string {
	c := g.person(female, g.rnd.IntN(5) > 0)
	if short {
		return fmt.Sprintf("%s %s. %s.", c.Surname, string([]rune(c.Name)[:1]), string([]rune(c.Patronymic)[:1]))
	}
	return c.FullName()
}

// person makes up a Kazakh or Russian name of the given sex.
func (g *demoGen) person(female, kazakh bool) Child {
	var c Child
	if kazakh {
		c.Surname, c.Name = g.pick(kzSurnameRoots), g.pick(kzMale)
		father := g.pick(kzMale)
		if female {
			c.Surname, c.Name, c.Patronymic = c.Surname+"а", g.pick(kzFemale), father+"қызы"
		} else {
			c.Patronymic = father + "ұлы"
		}
		return c
	}
	c.Surname, c.Name, c.Patronymic = g.pick(ruSurnameRoots), g.pick(ruMale), g.pick(ruPatronymicRoots)+"ич"
	if female {
		c.Name, c.Patronymic = g.pick(ruFemale), c.Patronymic[:len(c.Patronymic)-len("ич")]+"на"
		if last := []rune(c.Surname); string(last[len(last)-1]) != "о" {
			c.Surname += "а"
		}
	}
	return c
}
