package data

import (
	"fmt"
	"time"
)

// categoryWeights: how often each category occurs among children in need.
var categoryWeights = map[string]int{CatLowIncome: 40, CatLargeFamily: 25, CatDysfunctional: 5, CatSingleParent: 15,
	CatSpecialNeeds: 5, CatOrphan: 2, CatNoParentalCare: 3, CatDeviant: 2, CatRiskGroup: 2, CatOtherVulnerable: 1}

func (g *demoGen) category() string {
	n := g.rnd.IntN(100)
	for _, code := range CategoryCodes {
		if n -= categoryWeights[code]; n < 0 {
			return code
		}
	}
	return CatLowIncome
}

var docTypes = map[string]string{CatLowIncome: "АӘК анықтамасы", CatLargeFamily: "Көп балалы отбасы куәлігі",
	CatOrphan: "Қорғаншылық туралы шешім", CatNoParentalCare: "Қорғаншылық туралы шешім",
	CatSpecialNeeds: "ПМПК қорытындысы", CatSingleParent: "АХАЖ анықтамасы"}

var clothingSizes = []string{"28", "30", "32", "34", "36", "38", "40", "42", "44", "46"}

func (g *demoGen) makeChildren() error {
	schoolYear := Date(2019, 9, 1)
	for i := 0; i < g.opt.Children; i++ {
		female := g.rnd.IntN(2) == 0
		c := g.person(female, g.rnd.IntN(10) < 8)
		c.Grade = 1 + g.rnd.IntN(11)
		c.GradeLetter = string([]rune("АӘБВГ")[g.rnd.IntN(4)])
		c.BirthDate = schoolYear.AddDate(-(6 + c.Grade), -g.rnd.IntN(12), -g.rnd.IntN(28))
		c.Sex = Male
		if female {
			c.Sex = Female
		}
		for {
			iin, ok := MakeIIN(c.BirthDate, c.Sex, g.rnd.IntN(10000))
			if ok && !g.iins[iin] {
				c.IIN, g.iins[iin] = iin, true
				break
			}
		}
		sc := g.schools[g.rnd.IntN(len(g.schools))]
		c.SchoolID = sc.ID
		c.Address = fmt.Sprintf("Қарағанды қ., %s, %d-үй, %d-пәтер", g.pick(streets), 1+g.rnd.IntN(90), 1+g.rnd.IntN(150))
		c.GuardianName = g.personName(g.rnd.IntN(3) > 0, false)
		c.GuardianPhone = g.phone()
		c.ClothingSize = clothingSizes[min(len(clothingSizes)-1, (c.Grade-1)*len(clothingSizes)/11+g.rnd.IntN(2))]
		c.ShoeSize = fmt.Sprint(29 + c.Grade + g.rnd.IntN(3))
		if g.rnd.IntN(20) > 0 {
			c.ConsentOn, c.ConsentBy = g.dayIn(Date(2019, 5, 15), Date(2019, 8, 15)), c.GuardianName
		}
		for n := 1 + g.rnd.IntN(100)/70; n > 0; n-- {
			code := g.category()
			if c.HasCategory(code) {
				continue
			}
			cc := ChildCategory{Code: code, DocType: docTypes[code]}
			if cc.DocType != "" {
				cc.DocNumber = fmt.Sprintf("%d/%05d", 2019, g.rnd.IntN(100000))
				cc.DocDate = g.dayIn(Date(2018, 9, 1), Date(2019, 6, 30))
				cc.DocValidUntil = cc.DocDate.AddDate(1, 0, 0)
			}
			c.Categories = append(c.Categories, cc)
		}
		if err := g.s.createChild(g.ctx, g.tx, &c); err != nil {
			return err
		}
		c.Categories = nil // only the list's memory matters from here on
		g.children = append(g.children, c)
	}
	// every category occurs, however small the demo
	for i, code := range CategoryCodes {
		if i >= len(g.children) {
			break
		}
		c := g.children[i]
		if _, err := g.tx.ExecContext(g.ctx, `INSERT INTO child_categories (child_id, category) VALUES (?, ?) ON CONFLICT DO NOTHING`, c.ID, code); err != nil {
			return err
		}
	}
	return nil
}

func (g *demoGen) makeSponsors() error {
	for i := 0; i < g.opt.Sponsors; i++ {
		sp := Sponsor{Phone: g.phone()}
		reg := Date(1995+g.rnd.IntN(24), time.Month(1+g.rnd.IntN(12)), 1)
		switch n := g.rnd.IntN(100); {
		case n < 62:
			sp.Kind = SponsorLegal
			sp.Name = fmt.Sprintf("«%s %s» ЖШС", firmWords[i%len(firmWords)], firmTrades[(i/len(firmWords)+i)%len(firmTrades)])
			if i >= len(firmWords)*len(firmTrades) {
				sp.Name = fmt.Sprintf("«%s %s-%d» ЖШС", firmWords[i%len(firmWords)], firmTrades[i%len(firmTrades)], i)
			}
			sp.HeadName, sp.HeadTitle = g.personName(g.rnd.IntN(3) == 0, false), "Директор"
		case n < 78:
			p := g.person(g.rnd.IntN(2) == 0, true)
			sp.Kind, sp.Name = SponsorIE, "ЖК «"+p.Surname+" "+p.Name+"»"
		case n < 92:
			p := g.person(g.rnd.IntN(2) == 0, g.rnd.IntN(4) > 0)
			sp.Kind, sp.Name, sp.PublicConsent = SponsorIndividual, p.FullName(), g.rnd.IntN(3) == 0
		case n < 96:
			sp.Kind = SponsorPublicOrg
			sp.Name, sp.NameRU = g.orgName(publicOrgs, &g.publicOrgs)
		default:
			sp.Kind = SponsorState
			sp.Name, sp.NameRU = g.orgName(stateBodies, &g.stateBodies)
		}
		switch sp.Kind {
		case SponsorIE, SponsorIndividual:
			if sp.Kind == SponsorIE || g.rnd.IntN(2) == 0 {
				for {
					birth := Date(1960+g.rnd.IntN(35), time.Month(1+g.rnd.IntN(12)), 1+g.rnd.IntN(28))
					iin, ok := MakeIIN(birth, []string{Male, Female}[g.rnd.IntN(2)], g.rnd.IntN(10000))
					if ok && !g.iins[iin] {
						sp.BIN, g.iins[iin] = string(iin), true
						break
					}
				}
			}
		default:
			kind := byte('4')
			for serial := i * 7; ; serial++ {
				if bin, ok := MakeBIN(reg, kind, serial); ok {
					sp.BIN = string(bin)
					break
				}
			}
		}
		sp.ContactPerson = g.personName(g.rnd.IntN(2) == 0, false)
		sp.Address = fmt.Sprintf("Қарағанды қ., %s, %d", g.pick(streets), 1+g.rnd.IntN(120))
		if err := g.s.createSponsor(g.ctx, g.tx, &sp); err != nil {
			return err
		}
		g.sponsors = append(g.sponsors, sp)
	}
	return nil
}

// orgName takes the next organisation of names (Kazakh, Russian), counting
// them in *used. Past the list's end, the names come round again as
// branches: «… (2-филиал)», «… (филиал 2)», never with a database id.
func (g *demoGen) orgName(names [][2]string, used *int) (kk, ru string) {
	n := *used
	*used++
	kk, ru = names[n%len(names)][0], names[n%len(names)][1]
	if round := n/len(names) + 1; round > 1 {
		kk, ru = fmt.Sprintf("%s (%d-филиал)", kk, round), fmt.Sprintf("%s (филиал %d)", ru, round)
	}
	return kk, ru
}
