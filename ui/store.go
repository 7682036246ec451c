package ui

import (
	"context"
	"time"

	"github.com/mektepkezhol/app/data"
)

// Store is what the screens need of the campaign database. *data.Store
// satisfies it; the tests use a real one over a temporary file.
type Store interface {
	Settings(ctx context.Context) (data.Settings, error)
	SaveSettings(ctx context.Context, st data.Settings) error
	Path() string
	Actor() string
	Role() data.Role // ui/roles.go
	OnServer() bool  // a PostgreSQL server, not a SQLite file

	FindUsers(ctx context.Context) ([]data.User, error) // ui/settings_users.go
	CreateUser(ctx context.Context, name, password string, role data.Role) error
	SetUserRole(ctx context.Context, name string, role data.Role) error
	SetUserPassword(ctx context.Context, name, password string) error
	DropUser(ctx context.Context, name string) error

	FindCampaigns(ctx context.Context) ([]data.Campaign, error)
	CreateCampaign(ctx context.Context, c *data.Campaign) error
	Summary(ctx context.Context, campaignID int64) (data.Summary, error)
	Stock(ctx context.Context, campaignID int64) ([]data.StockLine, error)

	FindCategories(ctx context.Context) ([]data.Category, error)
	FindSchools(ctx context.Context) ([]data.School, error)
	CreateSchool(ctx context.Context, sc *data.School) error
	UpdateSchool(ctx context.Context, sc *data.School) error
	FindAidItems(ctx context.Context) ([]data.AidItem, error)
	CreateAidItem(ctx context.Context, a *data.AidItem) error
	UpdateAidItem(ctx context.Context, a *data.AidItem) error
	CreatePurchase(ctx context.Context, p *data.Purchase) error
	FindPurchases(ctx context.Context, f data.PurchaseFilter) ([]data.Purchase, error)

	FindSponsors(ctx context.Context, f data.SponsorFilter) ([]data.SponsorRow, error)
	FindSponsorNames(ctx context.Context) ([]data.Sponsor, error)
	FindSponsorByID(ctx context.Context, id int64) (data.Sponsor, error)
	CreateSponsor(ctx context.Context, sp *data.Sponsor) error
	UpdateSponsor(ctx context.Context, sp *data.Sponsor) error
	DeleteSponsor(ctx context.Context, id int64) error

	FindDonations(ctx context.Context, f data.DonationFilter) ([]data.Donation, error)
	FindNewestDonations(ctx context.Context, f data.DonationFilter, after data.DonationCursor, n int) ([]data.Donation, error)
	CountDonations(ctx context.Context, f data.DonationFilter) (int, error)
	FindDonationByID(ctx context.Context, id int64) (data.Donation, error)
	CreateDonation(ctx context.Context, d *data.Donation) error
	UpdateDonation(ctx context.Context, d *data.Donation) error
	DeleteDonation(ctx context.Context, id int64) error

	ReleaseMemory(ctx context.Context) // ui/leave.go

	FindChildren(ctx context.Context, f data.ChildFilter) ([]data.Child, error)
	FindGroup(ctx context.Context, g data.GroupFilter, n int) ([]data.Child, bool, error) // the give form's group
	CountChildren(ctx context.Context, f data.ChildFilter) (int, error)
	FindChildPage(ctx context.Context, f data.ChildFilter, after data.ChildCursor, limit int) (data.ChildPage, error)
	FindChildIDs(ctx context.Context, f data.ChildFilter) ([]int64, error)
	FindChildrenByIDs(ctx context.Context, ids []int64) ([]data.Child, error)
	FindChildPicks(ctx context.Context, q string, n int) ([]data.Child, error) // ui/child_pick.go
	FindChildByID(ctx context.Context, id int64) (data.Child, error)
	CreateChild(ctx context.Context, c *data.Child) error
	UpdateChild(ctx context.Context, c *data.Child) error
	DeleteChild(ctx context.Context, id int64) error

	FindDistributions(ctx context.Context, f data.DistributionFilter) ([]data.DistributionRow, error)
	FindNewestDistributions(ctx context.Context, f data.DistributionFilter, after data.DistributionCursor, n int) ([]data.DistributionRow, error)
	CountDistributions(ctx context.Context, f data.DistributionFilter) (int, error)
	CreateDistributions(ctx context.Context, ds []data.Distribution, force bool) error
	DeleteDistribution(ctx context.Context, id int64) error
	ApproveDistributions(ctx context.Context, ids []int64) (int, error)

	FindAppeals(ctx context.Context, f data.AppealFilter) ([]data.Appeal, error)
	FindAppealByID(ctx context.Context, id int64) (data.Appeal, error)
	CreateAppeal(ctx context.Context, a *data.Appeal) error
	UpdateAppeal(ctx context.Context, a *data.Appeal) error

	exchangeStore // import, backup (ui/import.go)
	coverageStore // coverage register, events (ui/coverage.go)
	privacyStore  // access record, audit log, retention (ui/audit.go)
}

var _ Store = (*data.Store)(nil)

// today is the clerk's date; tests may replace it.
var today = func() time.Time { return data.Day(time.Now()) }
