package data_test

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/mektepkezhol/app/data"
)

func TestDemoMatchesThePressRelease(t *testing.T) {
	st, c := mustDemo(t, data.DemoOptions{})
	ctx := context.Background()
	sum, err := st.Summary(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if c.Slogan != "Жүректен жүрекке" || !c.StartsOn.Equal(data.Date(2019, 7, 1)) || !c.EndsOn.Equal(data.Date(2019, 9, 30)) {
		t.Fatalf("campaign=%+v", c)
	}
	if sum.Sponsors < 100 || sum.Letters < 100 {
		t.Fatalf("sponsors=%d letters=%d, want 100+ sponsors thanked", sum.Sponsors, sum.Letters)
	}
	for _, code := range data.CategoryCodes {
		if sum.ChildrenByCategory[code] == 0 || sum.HelpedByCategory[code] == 0 {
			t.Fatalf("category %s: %d registered, %d helped", code, sum.ChildrenByCategory[code], sum.HelpedByCategory[code])
		}
	}
	for _, ch := range data.AppealChannels {
		if sum.Appeals.ByChannel[ch] == 0 {
			t.Fatalf("no appeals through %s", ch)
		}
	}
	if sum.Schools < 40 || sum.Children < 2000 || sum.Distributions < 3000 {
		t.Fatalf("schools=%d children=%d distributions=%d", sum.Schools, sum.Children, sum.Distributions)
	}
	if _, err := st.FindSchoolByNumber(ctx, 3); err != nil {
		t.Fatalf("gymnasium №3 of the press conference: %v", err)
	}
	problems, err := st.Check(ctx)
	if err != nil || len(problems) != 0 {
		t.Fatalf("check on the demo: %+v, %v", problems, err)
	}
	if err := st.FillDemo(ctx, data.DemoOptions{}); !errors.Is(err, data.ErrNotEmpty) {
		t.Fatalf("demo over data: err=%v, want ErrNotEmpty", err)
	}
}

func TestSummaryAgreesWithTheRows(t *testing.T) {
	st, c := mustDemo(t, data.DemoOptions{Children: 500, Sponsors: 30, Distributions: 900})
	ctx := context.Background()
	sum, err := st.Summary(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	donations, _ := st.FindDonations(ctx, data.DonationFilter{CampaignID: c.ID})
	var money, items int64
	donors := map[int64]bool{}
	for _, d := range donations {
		money += d.MoneyTenge
		donors[d.SponsorID] = true
		for _, it := range d.Items {
			items += it.Quantity
		}
	}
	dist, _ := st.FindDistributions(ctx, data.DistributionFilter{CampaignID: c.ID})
	helped := map[int64]bool{}
	for _, d := range dist {
		helped[d.ChildID] = true
	}
	got := []int64{sum.MoneyTenge, sum.InKindItems, int64(sum.Sponsors), int64(sum.Donations), int64(sum.Distributions), int64(sum.ChildrenHelped)}
	want := []int64{money, items, int64(len(donors)), int64(len(donations)), int64(len(dist)), int64(len(helped))}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("summary money,items,sponsors,donations,distributions,helped=%v; rows say %v", got, want)
	}
	orphans, _ := st.CountChildren(ctx, data.ChildFilter{Category: data.CatOrphan})
	if sum.ChildrenByCategory[data.CatOrphan] != orphans {
		t.Fatalf("orphans: summary %d, list %d", sum.ChildrenByCategory[data.CatOrphan], orphans)
	}
}

func TestDemoIsDeterministic(t *testing.T) {
	opt := data.DemoOptions{Children: 150, Sponsors: 15, Distributions: 200}
	a, ca := mustDemo(t, opt)
	b, cb := mustDemo(t, opt)
	ctx := context.Background()
	sa, _ := a.Summary(ctx, ca.ID)
	sb, _ := b.Summary(ctx, cb.ID)
	if !reflect.DeepEqual(sa, sb) {
		t.Fatalf("two demos differ:\n%+v\n%+v", sa, sb)
	}
	ka, _ := a.FindChildren(ctx, data.ChildFilter{Limit: 5})
	kb, _ := b.FindChildren(ctx, data.ChildFilter{Limit: 5})
	if a.OnServer() {
		// the server's clock stamps each row (audit_pg.sql)
		for i := range ka {
			ka[i].ChangedAt = time.Time{}
		}
		for i := range kb {
			kb[i].ChangedAt = time.Time{}
		}
	}
	if !reflect.DeepEqual(ka, kb) {
		t.Fatal("two demos made different children")
	}
}

func TestCheckFindsBrokenRows(t *testing.T) {
	sqliteOnly(t)
	st, _ := mustDemo(t, data.DemoOptions{Children: 50, Sponsors: 10, Distributions: 50})
	ctx := context.Background()
	if err := st.RawExec(`UPDATE children SET iin = '791028302729' WHERE id = 1`); err != nil {
		t.Fatal(err)
	}
	if err := st.RawExec(`PRAGMA foreign_keys = OFF; INSERT INTO distributions (child_id, campaign_id, item_id, quantity, given_on)
		VALUES (424242, 1, 1, 1, '2019-08-01'); PRAGMA foreign_keys = ON`); err != nil {
		t.Fatal(err)
	}
	problems, err := st.Check(ctx)
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]int{}
	for _, p := range problems {
		kinds[p.Kind]++
	}
	if kinds["iin"] != 1 || kinds["foreign_key"] != 1 {
		t.Fatalf("problems=%+v, want one bad IIN and one dangling foreign key", problems)
	}
}
