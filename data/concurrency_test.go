package data_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/mektepkezhol/app/data"
)

// TestConcurrentUseOfOneStore writes and reads through one Store from
// several goroutines, as the GUI does; `go test -race` runs it.
func TestConcurrentUseOfOneStore(t *testing.T) {
	st, c := mustDemo(t, data.DemoOptions{Children: 200, Sponsors: 10, Distributions: 200})
	ctx := context.Background()
	const workers, each = 4, 25
	var wg sync.WaitGroup
	errs := make(chan error, workers*each*2)
	for w := 0; w < workers; w++ {
		wg.Add(2)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < each; i++ {
				sp := data.Sponsor{Kind: data.SponsorIndividual, Name: fmt.Sprintf("Демеуші %d-%d", w, i)}
				if err := st.CreateSponsor(ctx, &sp); err != nil {
					errs <- err
				}
				a := data.Appeal{CampaignID: c.ID, ReceivedAt: time.Date(2019, 8, 1, 10, w, i, 0, time.UTC),
					Channel: data.ChannelHotline, Subject: "Сұрақ"}
				if err := st.CreateAppeal(ctx, &a); err != nil {
					errs <- err
				}
			}
		}(w)
		go func() {
			defer wg.Done()
			for i := 0; i < each; i++ {
				if _, err := st.Summary(ctx, c.ID); err != nil {
					errs <- err
				}
				if _, err := st.FindChildren(ctx, data.ChildFilter{Query: "ов", Limit: 50}); err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	sponsors, _ := st.FindSponsors(ctx, data.SponsorFilter{Query: "Демеуші"})
	sum, _ := st.Summary(ctx, c.ID)
	if len(sponsors) != workers*each || sum.Appeals.Total < workers*each {
		t.Fatalf("sponsors=%d appeals=%d, want %d new of each", len(sponsors), sum.Appeals.Total, workers*each)
	}
}
