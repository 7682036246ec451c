package data

import (
	"fmt"
	"time"
)

// itemValue is a plausible unit price of each catalogue item, in tenge.
var itemValue = map[string]int64{"school_uniform": 12000, "sports_uniform": 7000, "stationery": 3500,
	"backpack": 6500, "shoes": 9000, "outerwear": 15000, "other": 2000}

// itemWeight: how often each item is given.
var itemWeight = map[string]int{"school_uniform": 22, "sports_uniform": 14, "stationery": 26, "backpack": 20,
	"shoes": 10, "outerwear": 6, "other": 2}

func (g *demoGen) item() AidItem {
	n := g.rnd.IntN(100)
	for _, it := range g.items {
		if n -= itemWeight[it.Code]; n < 0 {
			return it
		}
	}
	return g.items[0]
}

func (g *demoGen) campaign(c Campaign, donors, dists, appeals, unthanked int) error {
	given, err := g.distributions(c, dists)
	if err != nil {
		return err
	}
	donated, err := g.donations(c, donors)
	if err != nil {
		return err
	}
	// The office buys with the money raised whatever the sponsors' goods
	// did not cover, so the stock never goes below zero.
	for _, it := range g.items {
		if short := given[it.ID] - donated[it.ID]; short > 0 {
			p := Purchase{CampaignID: c.ID, ItemID: it.ID, Quantity: short + short/20 + 1, UnitPriceTenge: itemValue[it.Code],
				PurchasedOn: c.StartsOn.AddDate(0, 1, 5), Notes: "Демеушілер қаражатына сатып алынды"}
			if err := g.s.createPurchase(g.ctx, g.tx, &p); err != nil {
				return err
			}
		}
	}
	if err := g.appeals(c, appeals); err != nil {
		return err
	}
	if err := g.coverage(c, appeals/2); err != nil {
		return err
	}
	if err := g.events(c); err != nil {
		return err
	}
	return g.letters(c, unthanked)
}

// distributions gives n items to children, never the same item to a child twice.
func (g *demoGen) distributions(c Campaign, n int) (map[int64]int64, error) {
	given := map[int64]int64{}
	type pair struct{ child, item int64 }
	seen := map[pair]bool{}
	ds := make([]Distribution, 0, n)
	helped := len(g.children) * 3 / 4 // some children get nothing this year
	for len(ds) < n {
		ch := g.children[g.rnd.IntN(max(1, helped))]
		it := g.item()
		if seen[pair{ch.ID, it.ID}] {
			if len(seen) >= helped*len(g.items)*9/10 {
				helped = len(g.children) // make room in a crowded demo
			}
			continue
		}
		seen[pair{ch.ID, it.ID}] = true
		d := Distribution{ChildID: ch.ID, CampaignID: c.ID, ItemID: it.ID, Quantity: 1,
			GivenOn: g.dayIn(c.StartsOn.AddDate(0, 1, 10), c.EndsOn.AddDate(0, 0, -5)), SchoolID: ch.SchoolID,
			IssuedBy: "Білім бөлімі"}
		if it.Sized {
			d.Size = ch.ClothingSize
			if it.Code == "shoes" {
				d.Size = ch.ShoeSize
			}
		}
		d.ActNumber = fmt.Sprintf("%d-%d/%s", c.Year%100, ch.SchoolID, d.GivenOn.Format("0102"))
		given[it.ID]++
		ds = append(ds, d)
	}
	return given, g.s.insertDistributions(g.ctx, g.tx, ds, false)
}

// donations makes the donors' gifts and returns the goods donated per item.
func (g *demoGen) donations(c Campaign, donors int) (map[int64]int64, error) {
	donated := map[int64]int64{}
	order := g.rnd.Perm(len(g.sponsors))
	for _, i := range order[:min(donors, len(order))] {
		sp := g.sponsors[i]
		for k := 0; k < 1+g.rnd.IntN(100)/80; k++ {
			d := Donation{SponsorID: sp.ID, CampaignID: c.ID, DonatedOn: g.dayIn(c.StartsOn, c.EndsOn.AddDate(0, 0, -10))}
			if sp.Kind != SponsorLegal || g.rnd.IntN(2) == 0 {
				d.MoneyTenge = int64(5+g.rnd.IntN(300)) * 5000
			}
			if d.MoneyTenge == 0 || g.rnd.IntN(3) == 0 {
				for l := 0; l < 1+g.rnd.IntN(3); l++ {
					it := g.item()
					line := DonationItem{ItemID: it.ID, Quantity: int64(10 + 5*g.rnd.IntN(20)), UnitValueTenge: itemValue[it.Code]}
					if it.Sized && g.rnd.IntN(2) == 0 {
						line.Size = g.pick(clothingSizes)
					}
					donated[it.ID] += line.Quantity
					d.Items = append(d.Items, line)
				}
			}
			if err := g.s.createDonation(g.ctx, g.tx, &d); err != nil {
				return nil, err
			}
		}
	}
	return donated, nil
}

func (g *demoGen) appeals(c Campaign, n int) error {
	for i := 0; i < n; i++ {
		at := g.dayIn(c.StartsOn, c.EndsOn).Add(time.Duration(9*60+g.rnd.IntN(9*60)) * time.Minute)
		a := Appeal{CampaignID: c.ID, ReceivedAt: at, Channel: AppealChannels[i%len(AppealChannels)],
			CitizenName: g.personName(g.rnd.IntN(3) > 0, false), CitizenPhone: g.phone(),
			Subject: g.pick(appealSubjects), AssignedTo: g.personName(true, true)}
		if g.rnd.IntN(3) == 0 {
			a.ChildID = g.children[g.rnd.IntN(len(g.children))].ID
		}
		a.DueOn = Day(at).AddDate(0, 0, 10)
		switch r := g.rnd.IntN(100); {
		case r < 78:
			a.Status, a.Resolution = AppealResolved, "Өтініш қанағаттандырылды, көмек көрсетілді."
		case r < 88:
			a.Status, a.Resolution = AppealRejected, "Түсіндірме берілді: бала тізімге сәйкес келмейді."
		case r < 95:
			a.Status = AppealInProgress
		default:
			a.Status = AppealNew
		}
		if err := g.s.createAppeal(g.ctx, g.tx, &a); err != nil {
			return err
		}
	}
	return nil
}

// letters registers an Алғыс хат for every donor but the last few.
func (g *demoGen) letters(c Campaign, unthanked int) error {
	rows, err := g.tx.QueryContext(g.ctx, `SELECT DISTINCT sponsor_id FROM donations WHERE campaign_id = ? ORDER BY sponsor_id`, c.ID)
	if err != nil {
		return err
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return err
		}
		ids = append(ids, id)
	}
	rows.Close()
	ids = ids[:max(0, len(ids)-unthanked)]
	for n, id := range ids {
		l := Letter{CampaignID: c.ID, Number: n + 1, SponsorID: id, Lang: "kk", IssuedOn: c.EndsOn}
		if err := g.s.insertLetter(g.ctx, g.tx, &l); err != nil {
			return err
		}
	}
	return nil
}
