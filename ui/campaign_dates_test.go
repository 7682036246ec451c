package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/lang"

	"github.com/mektepkezhol/app/data"
)

// TestDatesFollowTheCampaign opens the 2019 campaign on a computer whose
// clock says 2026: a new donation is dated the campaign's last day, and a
// date outside the campaign is saved only after the clerk agrees.
func TestDatesFollowTheCampaign(t *testing.T) {
	u, st := newTestUI(t)
	today = func() time.Time { return data.Date(2026, 12, 4) }
	ctx := context.Background()
	u.show(scrDonations, nil)
	s := u.screens[scrDonations].(*donationsScreen)
	s.onNewTapped()
	f := s.form
	if got := f.date.Text; got != "30.09.2019" {
		t.Fatalf("a new donation is dated %s, want the campaign's last day 30.09.2019", got)
	}
	for name := range f.sponsorIDs {
		f.sponsor.SetText(name)
		break
	}
	f.money.SetText("15000")
	f.date.SetText("04.12.2026")
	before, _ := st.FindDonations(ctx, data.DonationFilter{CampaignID: u.campaign.ID})
	f.onSaveTapped()
	if msg := overlayText(u.win); !strings.Contains(msg, "04.12.2026") || !strings.Contains(msg, "30.09.2019") {
		t.Fatalf("a date outside the campaign was not asked about:\n%s", msg)
	}
	tapOverlayButton(t, u.win, lang.L("action.cancel"))
	if now, _ := st.FindDonations(ctx, data.DonationFilter{CampaignID: u.campaign.ID}); len(now) != len(before) {
		t.Fatal("the donation was saved though the clerk cancelled")
	}
	f.onSaveTapped()
	tapOverlayButton(t, u.win, lang.L("action.save"))
	if now, _ := st.FindDonations(ctx, data.DonationFilter{CampaignID: u.campaign.ID}); len(now) != len(before)+1 {
		t.Fatalf("%d donations after agreeing, want %d", len(now), len(before)+1)
	}
}
