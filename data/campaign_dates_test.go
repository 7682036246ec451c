package data_test

import (
	"context"
	"testing"
	"time"

	"github.com/mektepkezhol/app/data"
)

func TestCampaignDefaultDay(t *testing.T) {
	c := data.Campaign{Year: 2019, StartsOn: data.Date(2019, 7, 1), EndsOn: data.Date(2019, 9, 30)}
	for _, tt := range []struct {
		name       string
		today, day time.Time
		inside     bool
	}{
		{"while it runs", data.Date(2019, 9, 2), data.Date(2019, 9, 2), true},
		{"its first day", data.Date(2019, 7, 1), data.Date(2019, 7, 1), true},
		{"its last day", data.Date(2019, 9, 30), data.Date(2019, 9, 30), true},
		{"years later", data.Date(2026, 12, 4), data.Date(2019, 9, 30), false},
		{"before it starts", data.Date(2019, 6, 10), data.Date(2019, 9, 30), false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := c.DefaultDay(tt.today); !got.Equal(tt.day) {
				t.Fatalf("DefaultDay(%v)=%v, want %v", tt.today, got, tt.day)
			}
			if got := c.Contains(tt.today); got != tt.inside {
				t.Fatalf("Contains(%v)=%v, want %v", tt.today, got, tt.inside)
			}
		})
	}
}

// TestAppealNumberTakesCampaignYear numbers a call entered in 2026 into
// the 2019 campaign among the 2019-00xx ones.
func TestAppealNumberTakesCampaignYear(t *testing.T) {
	st := mustOpen(t)
	ctx := context.Background()
	c := data.Campaign{Year: 2019, NameKK: "Мектепке жол – 2019", StartsOn: data.Date(2019, 7, 1), EndsOn: data.Date(2019, 9, 30)}
	if err := st.CreateCampaign(ctx, &c); err != nil {
		t.Fatal(err)
	}
	a := data.Appeal{CampaignID: c.ID, ReceivedAt: time.Date(2026, 12, 4, 10, 41, 0, 0, time.UTC),
		Channel: data.ChannelHotline, Subject: "Мектеп формасы"}
	if err := st.CreateAppeal(ctx, &a); err != nil {
		t.Fatal(err)
	}
	if a.RegNumber != "2019-0001" {
		t.Fatalf("number %s, want 2019-0001", a.RegNumber)
	}
}
