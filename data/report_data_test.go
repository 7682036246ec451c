package data_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/mektepkezhol/app/data"
)

func TestReportFiguresAgreeWithSummary(t *testing.T) {
	ctx := context.Background()
	st, c := mustDemo(t, data.DemoOptions{Children: 400, Sponsors: 30, Distributions: 600})
	f, err := st.ReportFigures(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	s := f.Summary
	var children, helped, rows int
	var items int64
	for _, sc := range f.Schools {
		children, helped, rows, items = children+sc.Children, helped+sc.ChildrenHelped, rows+sc.Distributions, items+sc.Items
	}
	if len(f.Schools) != s.Schools || children != s.Children || helped != s.ChildrenHelped ||
		rows != s.Distributions || items != s.ItemsDistributed {
		t.Fatalf("schools %d: children %d helped %d rows %d items %d; summary %d: %d %d %d %d", len(f.Schools), children,
			helped, rows, items, s.Schools, s.Children, s.ChildrenHelped, s.Distributions, s.ItemsDistributed)
	}

	var money, kindItems, kindValue int64
	for i, sp := range f.Sponsors {
		money, kindItems, kindValue = money+sp.MoneyTenge, kindItems+sp.InKindItems, kindValue+sp.InKindValueTenge
		if i > 0 {
			prev := f.Sponsors[i-1]
			if sp.MoneyTenge+sp.InKindValueTenge > prev.MoneyTenge+prev.InKindValueTenge {
				t.Errorf("sponsor %q (%d ₸) after %q: want the largest gifts first", sp.Name, sp.MoneyTenge+sp.InKindValueTenge, prev.Name)
			}
		}
	}
	if len(f.Sponsors) != s.Sponsors || money != s.MoneyTenge || kindItems != s.InKindItems || kindValue != s.InKindValueTenge {
		t.Fatalf("sponsors %d, money %d, goods %d worth %d; summary %d, %d, %d, %d", len(f.Sponsors), money, kindItems,
			kindValue, s.Sponsors, s.MoneyTenge, s.InKindItems, s.InKindValueTenge)
	}

	total := 0
	for _, ch := range data.AppealChannels {
		n := 0
		for _, status := range data.AppealStatuses {
			n += f.Appeals[ch][status]
		}
		if n != s.Appeals.ByChannel[ch] {
			t.Errorf("appeals by %s = %d, want %d", ch, n, s.Appeals.ByChannel[ch])
		}
		total += n
	}
	if total != s.Appeals.Total {
		t.Errorf("appeals = %d, want %d", total, s.Appeals.Total)
	}

	// Category × item, recounted from the distributions and the children's categories.
	ds, err := st.FindDistributions(ctx, data.DistributionFilter{CampaignID: c.ID})
	if err != nil {
		t.Fatal(err)
	}
	items2 := map[int64]string{}
	all, err := st.FindAidItems(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range all {
		items2[it.ID] = it.Code
	}
	want := map[string]map[string]int64{}
	for _, d := range ds {
		child, err := st.FindChildByID(ctx, d.ChildID)
		if err != nil {
			t.Fatal(err)
		}
		for _, cc := range child.Categories {
			if want[cc.Code] == nil {
				want[cc.Code] = map[string]int64{}
			}
			want[cc.Code][items2[d.ItemID]] += d.Quantity
		}
	}
	for _, cat := range data.CategoryCodes {
		for _, it := range all {
			if got, w := f.CategoryItems[cat][it.Code], want[cat][it.Code]; got != w {
				t.Errorf("category %s, item %s = %d, want %d", cat, it.Code, got, w)
			}
		}
	}
}

func TestReportFiguresPreviousCampaign(t *testing.T) {
	ctx := context.Background()
	st, c := mustDemo(t, data.DemoOptions{Children: 200, Sponsors: 20, Distributions: 300})
	f, err := st.ReportFigures(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if f.Previous == nil || f.Previous.Campaign.Year != 2018 {
		t.Fatalf("previous of 2019 = %+v, want 2018", f.Previous)
	}
	want, err := st.Summary(ctx, f.Previous.Campaign.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got := f.Previous.Summary; got.MoneyTenge != want.MoneyTenge || got.ChildrenHelped != want.ChildrenHelped {
		t.Errorf("previous summary %+v, want %+v", got, want)
	}
	first, err := st.FindCampaignByYear(ctx, 2018)
	if err != nil {
		t.Fatal(err)
	}
	if f, err := st.ReportFigures(ctx, first.ID); err != nil || f.Previous != nil {
		t.Errorf("previous of 2018 = %+v (%v), want none", f.Previous, err)
	}
}

func TestReportFiguresCoverageAndEvents(t *testing.T) {
	ctx := context.Background()
	st, c := mustDemo(t, data.DemoOptions{Children: 300, Sponsors: 20, Distributions: 400})
	f, err := st.ReportFigures(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	want, err := st.CoverageFigures(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if want.Found == 0 {
		t.Fatal("the demo has no coverage cases to report")
	}
	if !reflect.DeepEqual(f.Coverage, want) {
		t.Errorf("coverage %+v, want %+v", f.Coverage, want)
	}
	events, err := st.FindEvents(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(events) == 0 || !reflect.DeepEqual(f.Events, events) {
		t.Errorf("events %+v, want %+v", f.Events, events)
	}
	if f.Previous == nil {
		t.Fatal("no previous campaign")
	}
	prev, err := st.CoverageFigures(ctx, f.Previous.Campaign.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(f.Previous.Coverage, prev) || prev.Campaign != 2018 {
		t.Errorf("previous coverage %+v, want %+v", f.Previous.Coverage, prev)
	}
}
