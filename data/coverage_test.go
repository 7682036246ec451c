package data_test

import (
	"context"
	"errors"
	"testing"

	"github.com/mektepkezhol/app/data"
)

func TestCoverageCaseRules(t *testing.T) {
	st := mustOpen(t) // today is 2019-09-20
	ctx := context.Background()
	c := data.Campaign{Year: 2019, NameKK: "Мектепке жол – 2019", StartsOn: data.Date(2019, 7, 1), EndsOn: data.Date(2019, 9, 30)}
	if err := st.CreateCampaign(ctx, &c); err != nil {
		t.Fatal(err)
	}
	sc := mustSchool(t, st, 7)
	found := data.CoverageCase{CampaignID: c.ID, ChildName: "Оспанов Ерлан", FoundOn: data.Date(2019, 9, 2),
		Source: data.SourcePolice, Reason: data.ReasonNoClothes}
	if err := st.CreateCoverageCase(ctx, &found); err != nil {
		t.Fatal(err)
	}
	if !found.DueOn.Equal(data.Date(2019, 9, 12)) {
		t.Fatalf("due=%v, want 12.09 (10 days)", found.DueOn)
	}
	tests := []struct {
		name, field string
		edit        func(k *data.CoverageCase)
	}{
		{"placed without a school", "placed_school", func(k *data.CoverageCase) {
			k.Outcome, k.PlacedOn, k.Action = data.OutcomePlaced, data.Date(2019, 9, 5), "форма берілді"
		}},
		{"placed without a date", "placed_on", func(k *data.CoverageCase) {
			k.Outcome, k.PlacedSchoolID, k.Action = data.OutcomePlaced, sc.ID, "форма берілді"
		}},
		{"placed before found", "placed_on", func(k *data.CoverageCase) {
			k.Outcome, k.PlacedSchoolID, k.PlacedOn, k.Action = data.OutcomePlaced, sc.ID, data.Date(2019, 8, 1), "форма"
		}},
		{"closed without an action", "action", func(k *data.CoverageCase) { k.Outcome = data.OutcomePolice }},
		{"unknown reason", "reason", func(k *data.CoverageCase) { k.Reason = "weather" }},
		{"nobody", "child", func(k *data.CoverageCase) { k.ChildName = " " }},
		{"bad IIN of an unregistered child", "iin", func(k *data.CoverageCase) { k.ChildIIN = "061211600013" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			k := found
			tt.edit(&k)
			var ve *data.ValidationError
			if err := st.UpdateCoverageCase(ctx, &k); !errors.As(err, &ve) || ve.Field != tt.field {
				t.Fatalf("err=%v, want a validation error on %s", err, tt.field)
			}
		})
	}
	overdue, _ := st.FindCoverageCases(ctx, data.CoverageFilter{CampaignID: c.ID, Overdue: true})
	if len(overdue) != 1 {
		t.Fatalf("overdue=%d, want the open case found 02.09", len(overdue))
	}
	found.Outcome, found.PlacedSchoolID, found.PlacedOn, found.Action = data.OutcomePlaced, sc.ID, data.Date(2019, 9, 6), "Форма берілді"
	if err := st.UpdateCoverageCase(ctx, &found); err != nil {
		t.Fatal(err)
	}
	figs, err := st.CoverageFigures(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if figs.Found != 1 || figs.Placed != 1 || figs.Open != 0 || figs.Overdue != 0 || figs.BySource[data.SourcePolice] != 1 {
		t.Fatalf("figures=%+v", figs)
	}
}

func TestCoverageFiguresAgreeWithTheRegister(t *testing.T) {
	st, c := mustDemo(t, data.DemoOptions{Children: 300, Sponsors: 20, Distributions: 300})
	ctx := context.Background()
	cases, err := st.FindCoverageCases(ctx, data.CoverageFilter{CampaignID: c.ID})
	if err != nil {
		t.Fatal(err)
	}
	figs, err := st.CoverageFigures(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := data.CoverageFigures{Campaign: 2019, ByReason: map[string]int{}, BySource: map[string]int{}}
	for _, k := range cases {
		want.Found++
		want.ByReason[k.Reason]++
		want.BySource[k.Source]++
		switch {
		case k.Outcome == data.OutcomePlaced:
			want.Placed++
		case k.Open():
			want.Open++
			if k.Overdue(st.Now()) {
				want.Overdue++
			}
		}
		if k.ChildName == "" {
			t.Fatalf("case %d has no child name", k.ID)
		}
	}
	if want.Found == 0 || want.Placed == 0 || figs.Found != want.Found || figs.Placed != want.Placed ||
		figs.Open != want.Open || figs.Overdue != want.Overdue {
		t.Fatalf("figures=%+v, register says %+v", figs, want)
	}
	for r, n := range want.ByReason {
		if figs.ByReason[r] != n {
			t.Fatalf("by reason %s: %d, register %d", r, figs.ByReason[r], n)
		}
	}
	for s, n := range want.BySource {
		if figs.BySource[s] != n {
			t.Fatalf("by source %s: %d, register %d", s, figs.BySource[s], n)
		}
	}
	events, err := st.FindEvents(ctx, c.ID)
	if err != nil || len(events) == 0 {
		t.Fatalf("events=%d, %v", len(events), err)
	}
	last := events[len(events)-1]
	if last.Kind != data.EventPressConference || !last.HeldOn.Equal(data.Date(2019, 9, 30)) || last.SchoolID == 0 {
		t.Fatalf("last event=%+v, want the press conference of 30.09.2019 at gymnasium №3", last)
	}
}
