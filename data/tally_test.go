package data_test

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/mektepkezhol/app/data"
)

// The tallies (migration 0014) against the oracle: the same figures
// counted from the rows (DirectSummary, DirectStock, CheckTallies), after
// every step of a long random run of the store's own writes.

// tallyRun is the state of one random run: the store and what the steps
// pick from.
type tallyRun struct {
	t         *testing.T
	st        *data.Store
	rnd       *rand.Rand
	campaigns []data.Campaign
	items     []data.AidItem
	school    int64
	serial    int
	// children deleted, and refused deletion for what they received
	deleted, refused int
	mine             []int64 // the children the run registered
}

// TestTalliesFollowEveryWrite runs a random sequence of writes through the
// store's API (and a DBA's fixes in SQL) and, after each, compares every
// campaign's Summary and Stock with the same figures counted from the rows,
// and every tally row with its count afresh. MEKTEPKEZHOL_TALLY_STEPS
// makes the run longer; MEKTEPKEZHOL_TALLY_SEED repeats one.
func TestTalliesFollowEveryWrite(t *testing.T) {
	steps, seed := 300, uint64(rand.Int64())
	if n, err := strconv.Atoi(os.Getenv("MEKTEPKEZHOL_TALLY_STEPS")); err == nil {
		steps = n
	}
	if n, err := strconv.ParseUint(os.Getenv("MEKTEPKEZHOL_TALLY_SEED"), 10, 64); err == nil {
		seed = n
	}
	t.Logf("seed %d (MEKTEPKEZHOL_TALLY_SEED repeats it), %d steps", seed, steps)
	r := newTallyRun(t, seed)
	r.agree(0, "the demo")
	ops := []struct {
		name   string
		weight int
		run    func() error
	}{
		{"register a child", 14, r.register},
		{"archive or bring back a child", 10, r.toggleArchived},
		{"change a child's categories", 12, r.recategorise},
		{"delete a child", 6, r.deleteChild},
		{"give", 22, r.give},
		{"take a distribution back", 12, r.takeBack},
		{"import a list", 6, r.importList},
		{"move a distribution (SQL)", 6, r.moveDistribution},
		{"rename a membership (SQL)", 4, r.renameMembership},
		{"anonymise past campaigns", 1, r.retain},
	}
	total := 0
	for _, op := range ops {
		total += op.weight
	}
	ran := map[string]int{}
	for step := 1; step <= steps; step++ {
		n := r.rnd.IntN(total)
		for _, op := range ops {
			if n -= op.weight; n < 0 {
				if err := op.run(); err != nil {
					t.Fatalf("step %d (%s), seed %d: %v", step, op.name, seed, err)
				}
				ran[op.name]++
				r.agree(step, op.name)
				break
			}
		}
	}
	r.copyAgrees()
	t.Logf("steps: %v; children deleted: %d, refused: %d", ran, r.deleted, r.refused)
}

func newTallyRun(t *testing.T, seed uint64) *tallyRun {
	st, _ := mustDemo(t, data.DemoOptions{Children: 80, Sponsors: 8, Distributions: 120, Seed: seed})
	ctx := context.Background()
	r := &tallyRun{t: t, st: st, rnd: rand.New(rand.NewPCG(seed, 14))}
	c := data.Campaign{Year: 2020, NameKK: "Мектепке жол – 2020", StartsOn: data.Date(2020, 7, 1), EndsOn: data.Date(2020, 9, 30)}
	if err := st.CreateCampaign(ctx, &c); err != nil {
		t.Fatal(err)
	}
	var err error
	if r.campaigns, err = st.FindCampaigns(ctx); err != nil || len(r.campaigns) < 3 {
		t.Fatalf("campaigns=%d, %v", len(r.campaigns), err)
	}
	if r.items, err = st.FindAidItems(ctx); err != nil {
		t.Fatal(err)
	}
	r.school = mustSchool(t, st, 101).ID
	return r
}

// agree compares the tallies with the oracle after a step.
func (r *tallyRun) agree(step int, op string) {
	r.t.Helper()
	ctx := context.Background()
	for _, c := range r.campaigns {
		got, err := r.st.Summary(ctx, c.ID)
		if err != nil {
			r.t.Fatal(err)
		}
		want, err := r.st.DirectSummary(ctx, c.ID)
		if err != nil {
			r.t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			r.t.Fatalf("step %d (%s), campaign %d:\nsummary %+v\ncounted %+v", step, op, c.Year, got, want)
		}
		stock, err := r.st.Stock(ctx, c.ID)
		if err != nil {
			r.t.Fatal(err)
		}
		counted, err := r.st.DirectStock(ctx, c.ID)
		if err != nil {
			r.t.Fatal(err)
		}
		if !reflect.DeepEqual(stock, counted) {
			r.t.Fatalf("step %d (%s), campaign %d:\nstock   %+v\ncounted %+v", step, op, c.Year, stock, counted)
		}
	}
	if problems, err := r.st.CheckTallies(ctx); err != nil || len(problems) > 0 {
		r.t.Fatalf("step %d (%s): tallies differ from a count afresh: %+v, %v", step, op, problems, err)
	}
}

// copyAgrees copies the store into a new SQLite file (a server's backup
// is such a Copy) and checks the copy's tallies.
func (r *tallyRun) copyAgrees() {
	ctx := context.Background()
	dst, err := data.Open(filepath.Join(r.t.TempDir(), "copy.db"))
	if err != nil {
		r.t.Fatal(err)
	}
	defer dst.Close()
	dst.Now = r.st.Now // the appeals overdue on the same day
	if _, err := data.Copy(ctx, dst, r.st, nil); err != nil {
		r.t.Fatal(err)
	}
	if problems, err := dst.CheckTallies(ctx); err != nil || len(problems) > 0 {
		r.t.Fatalf("the copy's tallies: %+v, %v", problems, err)
	}
	for _, c := range r.campaigns {
		got, err := dst.Summary(ctx, c.ID)
		if err != nil {
			r.t.Fatal(err)
		}
		want, err := r.st.DirectSummary(ctx, c.ID)
		if err != nil {
			r.t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			r.t.Fatalf("campaign %d: the copy's summary %+v, counted in the original %+v", c.Year, got, want)
		}
	}
}

func (r *tallyRun) children() []int64 {
	ids, err := r.st.FindChildIDs(context.Background(), data.ChildFilter{IncludeArchived: true})
	if err != nil {
		r.t.Fatal(err)
	}
	return ids
}

func (r *tallyRun) someChild() data.Child {
	ids := r.children()
	c, err := r.st.FindChildByID(context.Background(), ids[r.rnd.IntN(len(ids))])
	if err != nil {
		r.t.Fatal(err)
	}
	return c
}

// someNamedChild picks a child not anonymised, whom a form or a list may
// still name (an anonymised child's IIN is a mark, which no save passes).
func (r *tallyRun) someNamedChild() (data.Child, bool) {
	c := r.someChild()
	return c, !strings.HasPrefix(string(c.IIN), data.AnonymousIINMark)
}

// categories picks 0–3 categories.
func (r *tallyRun) categories() []data.ChildCategory {
	var out []data.ChildCategory
	for _, i := range r.rnd.Perm(len(data.CategoryCodes))[:r.rnd.IntN(4)] {
		out = append(out, data.ChildCategory{Code: data.CategoryCodes[i]})
	}
	return out
}

func (r *tallyRun) newChild() data.Child {
	var iin data.IIN
	for ok := false; !ok; {
		r.serial++
		iin, ok = data.MakeIIN(data.Date(2014, 1, 1).AddDate(0, 0, r.serial%360), data.Male, r.serial/360)
	}
	return data.Child{IIN: iin, Surname: "Тоқтаров", Name: fmt.Sprintf("Ерлан %d", r.serial), SchoolID: r.school,
		Grade: 2, GradeLetter: "В", Categories: r.categories(), Archived: r.rnd.IntN(8) == 0}
}

func (r *tallyRun) register() error {
	c := r.newChild()
	if err := r.st.CreateChild(context.Background(), &c); err != nil {
		return err
	}
	r.mine = append(r.mine, c.ID)
	return nil
}

func (r *tallyRun) toggleArchived() error {
	c, ok := r.someNamedChild()
	if !ok {
		return nil
	}
	c.Archived = !c.Archived
	return r.st.UpdateChild(context.Background(), &c)
}

func (r *tallyRun) recategorise() error {
	c, ok := r.someNamedChild()
	if !ok {
		return nil
	}
	c.Categories = r.categories()
	if r.rnd.IntN(3) == 0 {
		c.Archived = !c.Archived
	}
	return r.st.UpdateChild(context.Background(), &c)
}

// deleteChild deletes a child, most often one the run registered; one who
// received something is refused (kept), which must leave the tallies as
// they were too.
func (r *tallyRun) deleteChild() error {
	id := r.someChild().ID
	if len(r.mine) > 0 && r.rnd.IntN(3) > 0 {
		i := r.rnd.IntN(len(r.mine))
		id = r.mine[i]
		r.mine = append(r.mine[:i], r.mine[i+1:]...)
	}
	err := r.st.DeleteChild(context.Background(), id)
	switch {
	case errors.Is(err, data.ErrNotFound):
	case err == nil:
		r.deleted++
	case errors.Is(err, data.ErrConflict):
		r.refused++
	default:
		return err
	}
	return nil
}

// give saves a batch of 1–3 distributions, forced past duplicates and
// shortages, to any children (archived ones too) in any campaign.
func (r *tallyRun) give() error {
	c := r.campaigns[r.rnd.IntN(len(r.campaigns))]
	var batch []data.Distribution
	for range 1 + r.rnd.IntN(3) {
		item := r.items[r.rnd.IntN(len(r.items))]
		batch = append(batch, data.Distribution{ChildID: r.someChild().ID, CampaignID: c.ID, ItemID: item.ID,
			Quantity: int64(1 + r.rnd.IntN(3)), GivenOn: c.StartsOn.AddDate(0, 1, 0)})
	}
	return r.st.CreateDistributions(context.Background(), batch, true)
}

func (r *tallyRun) someDistribution() (data.DistributionRow, bool) {
	c := r.campaigns[r.rnd.IntN(len(r.campaigns))]
	rows, err := r.st.FindDistributions(context.Background(), data.DistributionFilter{CampaignID: c.ID})
	if err != nil {
		r.t.Fatal(err)
	}
	if len(rows) == 0 {
		return data.DistributionRow{}, false
	}
	return rows[r.rnd.IntN(len(rows))], true
}

func (r *tallyRun) takeBack() error {
	d, ok := r.someDistribution()
	if !ok {
		return nil
	}
	return r.st.DeleteDistribution(context.Background(), d.ID)
}

// importList imports a list of new children and saved ones with more
// categories (a merge).
func (r *tallyRun) importList() error {
	var list []data.Child
	for range 1 + r.rnd.IntN(4) {
		if r.rnd.IntN(2) == 0 {
			list = append(list, r.newChild())
			continue
		}
		saved, ok := r.someNamedChild()
		if !ok {
			continue
		}
		list = append(list, data.Child{IIN: saved.IIN, Surname: saved.Surname, Name: saved.Name,
			SchoolID: saved.SchoolID, Grade: saved.Grade, Categories: r.categories()})
	}
	if len(list) == 0 {
		return nil
	}
	_, err := r.st.ImportChildren(context.Background(), list, data.ImportOptions{})
	return err
}

// moveDistribution changes a distribution's child, campaign, item or
// quantity in SQL, as a DBA's fix would.
func (r *tallyRun) moveDistribution() error {
	d, ok := r.someDistribution()
	if !ok {
		return nil
	}
	child, campaign, item, qty := d.ChildID, d.CampaignID, d.ItemID, d.Quantity
	switch r.rnd.IntN(4) {
	case 0:
		child = r.someChild().ID
	case 1:
		campaign = r.campaigns[r.rnd.IntN(len(r.campaigns))].ID
	case 2:
		item = r.items[r.rnd.IntN(len(r.items))].ID
	default:
		qty = int64(1 + r.rnd.IntN(5))
	}
	return r.st.RawExec(`UPDATE distributions SET child_id = ?, campaign_id = ?, item_id = ?, quantity = ? WHERE id = ?`,
		child, campaign, item, qty, d.ID)
}

// renameMembership moves one membership to another category, or another
// child, in SQL.
func (r *tallyRun) renameMembership() error {
	c := r.someChild()
	if len(c.Categories) == 0 {
		return nil
	}
	from := c.Categories[r.rnd.IntN(len(c.Categories))].Code
	to, child := data.CategoryCodes[r.rnd.IntN(len(data.CategoryCodes))], c.ID
	if r.rnd.IntN(2) == 0 {
		to, child = from, r.someChild().ID
	}
	if target, err := r.st.FindChildByID(context.Background(), child); err != nil {
		return err
	} else if (child != c.ID || to != from) && target.HasCategory(to) {
		return nil // the key is taken: the server would refuse it
	}
	return r.st.RawExec(`UPDATE child_categories SET child_id = ?, category = ? WHERE child_id = ? AND category = ?`,
		child, to, c.ID, from)
}

func (r *tallyRun) retain() error {
	_, err := r.st.Retain(context.Background(), 2019, false)
	return err
}
