package main

import (
	"context"
	"flag"
	"fmt"

	"github.com/mektepkezhol/app/data"
)

func init() {
	register(&command{name: "approve", summary: "the head approves the clerks' pending distributions",
		flags: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
			year := fs.Int("campaign", 0, "campaign year, e.g. 2019")
			all := fs.Bool("all", false, "approve every pending distribution of the campaign")
			var ids idList
			fs.Var(&ids, "id", "a distribution's ID (repeatable, or comma-separated)")
			return func(ctx context.Context, e *env, _ []string) error {
				if *all == (len(ids) > 0) {
					return usageError("give either --all or --id N")
				}
				st, c, err := e.campaign(ctx, *year)
				if err != nil {
					return err
				}
				if *all {
					pending, err := st.FindDistributions(ctx, data.DistributionFilter{CampaignID: c.ID, Pending: true})
					if err != nil {
						return err
					}
					for _, d := range pending {
						ids = append(ids, d.ID)
					}
				} else if err := inCampaign(ctx, st, c, ids); err != nil {
					return err
				}
				n, err := st.ApproveDistributions(ctx, ids)
				if err != nil {
					return err
				}
				fmt.Fprintf(e.stdout, "approved %d distributions of %d\n", n, c.Year)
				return nil
			}
		}})
}

// inCampaign refuses IDs of distributions not in the campaign.
func inCampaign(ctx context.Context, st *data.Store, c data.Campaign, ids []int64) error {
	for _, id := range ids {
		ds, err := st.FindDistributions(ctx, data.DistributionFilter{ID: id, CampaignID: c.ID})
		if err != nil {
			return err
		}
		if len(ds) == 0 {
			return fmt.Errorf("distribution #%d of %d: %w", id, c.Year, data.ErrNotFound)
		}
	}
	return nil
}
