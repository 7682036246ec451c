package exchange

import (
	"context"

	"github.com/mektepkezhol/app/data"
)

// ImportStore is what Preview and Commit need of the database; data.Store
// has it, and a GUI's own store interface can embed it.
type ImportStore interface {
	FindSchools(ctx context.Context) ([]data.School, error)
	FindCampaigns(ctx context.Context) ([]data.Campaign, error)
	FindCampaignByYear(ctx context.Context, year int) (data.Campaign, error)
	FindAidItems(ctx context.Context) ([]data.AidItem, error)
	Version(ctx context.Context) (int, error)
	ImportChildren(ctx context.Context, cs []data.Child, opt data.ImportOptions) ([]data.ImportOutcome, error)
	ImportSponsors(ctx context.Context, rows []data.SponsorImport, opt data.ImportOptions) ([]data.ImportOutcome, error)
}

// ExportStore is what the list exports need of the database.
type ExportStore interface {
	FindSchools(ctx context.Context) ([]data.School, error)
	FindCategories(ctx context.Context) ([]data.Category, error)
	FindChildren(ctx context.Context, f data.ChildFilter) ([]data.Child, error)
	FindSponsors(ctx context.Context, f data.SponsorFilter) ([]data.SponsorRow, error)
	FindDonations(ctx context.Context, f data.DonationFilter) ([]data.Donation, error)
	FindDistributions(ctx context.Context, f data.DistributionFilter) ([]data.DistributionRow, error)
	FindAidItems(ctx context.Context) ([]data.AidItem, error)
	FindAppeals(ctx context.Context, f data.AppealFilter) ([]data.Appeal, error)
}

var (
	_ ImportStore = (*data.Store)(nil)
	_ ExportStore = (*data.Store)(nil)
)
