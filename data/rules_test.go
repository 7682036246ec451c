package data_test

import (
	"context"
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/mektepkezhol/app/data"
)

func TestSponsorRules(t *testing.T) {
	st := mustOpen(t)
	ctx := context.Background()
	bin, _ := data.MakeBIN(data.Date(2004, 5, 1), '4', 42)
	tests := []struct {
		name     string
		sp       data.Sponsor
		errField string
	}{
		{"legal entity", data.Sponsor{Kind: data.SponsorLegal, Name: "«Нұр» ЖШС", BIN: string(bin)}, ""},
		{"individual without IIN", data.Sponsor{Kind: data.SponsorIndividual, Name: "Асқар Оспанов"}, ""},
		{"legal entity without BIN", data.Sponsor{Kind: data.SponsorLegal, Name: "«Береке» ЖШС"}, "bin"},
		{"bad BIN", data.Sponsor{Kind: data.SponsorLegal, Name: "«Дала» ЖШС", BIN: "040540000429"}, "bin"},
		{"same BIN again", data.Sponsor{Kind: data.SponsorLegal, Name: "«Нұр» ЖШС (2)", BIN: string(bin)}, "conflict"},
		{"unknown kind", data.Sponsor{Kind: "bank", Name: "Банк"}, "kind"},
		{"bad e-mail", data.Sponsor{Kind: data.SponsorIndividual, Name: "Ким", Email: "not-an-address"}, "email"},
		{"empty name", data.Sponsor{Kind: data.SponsorIndividual, Name: "   "}, "name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sp := tt.sp
			err := st.CreateSponsor(ctx, &sp)
			var ve *data.ValidationError
			switch {
			case tt.errField == "" && err != nil:
				t.Fatalf("rejected: %v", err)
			case tt.errField == "conflict" && !errors.Is(err, data.ErrConflict):
				t.Fatalf("err=%v, want ErrConflict", err)
			case tt.errField != "" && tt.errField != "conflict" && (!errors.As(err, &ve) || ve.Field != tt.errField):
				t.Fatalf("err=%v, want a validation error on %s", err, tt.errField)
			}
		})
	}
	if got, want := data.NormalizeSponsorName(`ТОО "Нұр  Строй"`), data.NormalizeSponsorName("«Нұр Строй» ЖШС"); got != want {
		t.Fatalf("normalised names differ: %q vs %q", got, want)
	}
}

func TestAppealDefaultsAndOverdue(t *testing.T) {
	st := mustOpen(t) // today is 2019-09-20
	ctx := context.Background()
	c := data.Campaign{Year: 2019, NameKK: "Мектепке жол – 2019", StartsOn: data.Date(2019, 7, 1), EndsOn: data.Date(2019, 9, 30)}
	if err := st.CreateCampaign(ctx, &c); err != nil {
		t.Fatal(err)
	}
	call := func(day int) data.Appeal {
		return data.Appeal{CampaignID: c.ID, ReceivedAt: time.Date(2019, 9, day, 11, 30, 0, 0, time.UTC),
			Channel: data.ChannelTrustPhone, Subject: "Мектеп формасы туралы"}
	}
	old, fresh := call(1), call(19)
	for _, a := range []*data.Appeal{&old, &fresh} {
		if err := st.CreateAppeal(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	if !old.DueOn.Equal(data.Date(2019, 9, 11)) || old.RegNumber != "2019-0001" || fresh.RegNumber != "2019-0002" {
		t.Fatalf("due=%v numbers=%s,%s; want due 11.09 (10 days) and numbers 2019-0001/2", old.DueOn, old.RegNumber, fresh.RegNumber)
	}
	overdue, err := st.FindAppeals(ctx, data.AppealFilter{CampaignID: c.ID, Overdue: true})
	if err != nil || len(overdue) != 1 || overdue[0].ID != old.ID {
		t.Fatalf("overdue=%+v, %v; want only the 1 September call", overdue, err)
	}
	old.Status = data.AppealResolved
	var ve *data.ValidationError
	if err := st.UpdateAppeal(ctx, &old); !errors.As(err, &ve) || ve.Field != "resolution" {
		t.Fatalf("resolved without a resolution: err=%v", err)
	}
	old.Resolution = "Форма берілді"
	if err := st.UpdateAppeal(ctx, &old); err != nil {
		t.Fatal(err)
	}
	sum, _ := st.Summary(ctx, c.ID)
	if sum.Appeals.Total != 2 || sum.Appeals.Resolved != 1 || sum.Appeals.Overdue != 0 || sum.Appeals.ByChannel[data.ChannelTrustPhone] != 2 {
		t.Fatalf("appeal counts=%+v", sum.Appeals)
	}
}

func TestLetterRegisterNumbering(t *testing.T) {
	st, c := mustDemo(t, data.DemoOptions{Children: 100, Sponsors: 20, Distributions: 100})
	ctx := context.Background()
	before, _ := st.FindLetters(ctx, c.ID)
	unthanked, err := st.FindSponsors(ctx, data.SponsorFilter{CampaignID: c.ID, Unthanked: true})
	if err != nil || len(unthanked) < 2 {
		t.Fatalf("unthanked=%d, %v; the demo leaves a few donors unthanked", len(unthanked), err)
	}
	ids := []int64{unthanked[0].ID, before[0].SponsorID, unthanked[1].ID}
	day := data.Date(2019, 10, 1)
	got, err := st.IssueLetters(ctx, c.ID, ids, "ru", day, nil)
	if err != nil {
		t.Fatal(err)
	}
	n := len(before)
	if got[0].Number != n+1 || got[1].Number != before[0].Number || got[2].Number != n+2 {
		t.Fatalf("numbers=%d,%d,%d; want %d, %d (reprint), %d", got[0].Number, got[1].Number, got[2].Number, n+1, before[0].Number, n+2)
	}
	again, _ := st.IssueLetters(ctx, c.ID, ids[:1], "kk", day.AddDate(0, 0, 5), nil)
	if again[0].Number != n+1 || !again[0].IssuedOn.Equal(day) {
		t.Fatalf("reprint=%+v, want number %d issued %v", again[0], n+1, day)
	}
	// a failed render registers nothing
	rest, _ := st.FindSponsors(ctx, data.SponsorFilter{CampaignID: c.ID, Unthanked: true})
	_, err = st.IssueLetters(ctx, c.ID, []int64{rest[0].ID}, "kk", day, func([]data.Letter) error { return errors.New("printer jam") })
	if err == nil {
		t.Fatal("render error swallowed")
	}
	if after, _ := st.FindLetters(ctx, c.ID); len(after) != n+2 {
		t.Fatalf("letters=%d after a failed render, want %d", len(after), n+2)
	}
}

func TestAuditRows(t *testing.T) {
	st := mustOpen(t)
	ctx := context.Background()
	sp := data.Sponsor{Kind: data.SponsorIndividual, Name: "Асқар Оспанов"}
	if err := st.CreateSponsor(ctx, &sp); err != nil {
		t.Fatal(err)
	}
	sp.Phone = "+7 701 111 22 33"
	if err := st.UpdateSponsor(ctx, &sp); err != nil {
		t.Fatal(err)
	}
	if err := st.DeleteSponsor(ctx, sp.ID); err != nil {
		t.Fatal(err)
	}
	log, err := st.FindAudit(ctx, "sponsors", 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(log) != 3 || log[0].Action != "delete" || log[1].Action != "update" || log[2].Action != "insert" {
		t.Fatalf("audit=%+v, want insert, update, delete", log)
	}
	var old, new data.Sponsor
	if err := json.Unmarshal([]byte(log[1].OldJSON), &old); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(log[1].NewJSON), &new); err != nil {
		t.Fatal(err)
	}
	if old.Phone != "" || new.Phone != sp.Phone || log[1].RowID != sp.ID || log[1].OSUser == "" {
		t.Fatalf("update entry old=%q new=%q row=%d user=%q", old.Phone, new.Phone, log[1].RowID, log[1].OSUser)
	}
	if log[0].NewJSON != "" || log[0].OldJSON == "" {
		t.Fatalf("delete entry keeps the old row only: %+v", log[0])
	}
}

// TestLetterRegisterManySponsors issues letters to more sponsors than one
// query of the register asks about (500): the sponsors registered before
// keep their numbers wherever they come in the list, the others are
// numbered in the list's order, and a sponsor listed twice gets one letter.
func TestLetterRegisterManySponsors(t *testing.T) {
	st, c := mustDemo(t, data.DemoOptions{Children: 100, Sponsors: 1200, Distributions: 100})
	ctx := context.Background()
	all, err := st.FindSponsors(ctx, data.SponsorFilter{CampaignID: c.ID})
	if err != nil || len(all) < 1100 {
		t.Fatalf("sponsors=%d, %v", len(all), err)
	}
	before, _ := st.FindLetters(ctx, c.ID)
	had := map[int64]int{}
	for _, l := range before {
		had[l.SponsorID] = l.Number
	}
	var ids []int64
	for i := len(all) - 1; i >= 0; i-- { // the register's sponsors spread over the chunks
		ids = append(ids, all[i].ID)
	}
	ids = append(ids, ids[700]) // listed twice
	got, err := st.IssueLetters(ctx, c.ID, ids, "kk", data.Date(2019, 10, 1), nil)
	if err != nil {
		t.Fatal(err)
	}
	next := len(before) + 1
	for i, l := range got {
		want, ok := had[ids[i]]
		if !ok {
			want = next
			next++
			had[ids[i]] = want
		}
		if l.SponsorID != ids[i] || l.Number != want {
			t.Fatalf("letter %d: sponsor #%d number %d, want #%d number %d", i+1, l.SponsorID, l.Number, ids[i], want)
		}
	}
	if after, _ := st.FindLetters(ctx, c.ID); len(after) != len(all) {
		t.Fatalf("register holds %d letters, want one per sponsor, %d", len(after), len(all))
	}
	if len(before) == 0 || len(before) == len(all) {
		t.Fatalf("the demo registered %d of %d: no mix of reprints and new letters", len(before), len(all))
	}
}
