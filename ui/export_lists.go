package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/data/exchange"
)

// The lists' «File» buttons. Each export takes the list's filters at the
// moment it is chosen.

func (s *childrenScreen) fileButton() fyne.CanvasObject {
	u := s.u
	return u.fileButton(u.importItem(exchange.Children, s.refresh),
		u.exportItem("children", s.exportTable),
		fyne.NewMenuItem(lang.L("exchange.template"), u.onTemplateTapped))
}

func (s *childrenScreen) exportTable() tableFunc {
	u, f := s.u, s.filter()
	return func(l string) (exchange.Table, error) { return exchange.ChildrenTable(u.ctx, u.st, f, l) }
}

func (s *sponsorsScreen) fileButton() fyne.CanvasObject {
	u := s.u
	return u.fileButton(u.importItem(exchange.Sponsors, s.refresh),
		u.exportItem("sponsors", s.exportTable))
}

func (s *sponsorsScreen) exportTable() tableFunc {
	u, f := s.u, data.SponsorFilter{Query: s.search.Text, CampaignID: s.u.campaign.ID}
	return func(l string) (exchange.Table, error) { return exchange.SponsorsTable(u.ctx, u.st, f, l) }
}

func (s *donationsScreen) fileButton() fyne.CanvasObject {
	return s.u.fileButton(s.u.exportItem("donations", s.exportTable))
}

func (s *donationsScreen) exportTable() tableFunc {
	u, f := s.u, data.DonationFilter{CampaignID: s.u.campaign.ID}
	return func(l string) (exchange.Table, error) { return exchange.DonationsTable(u.ctx, u.st, f, l) }
}

func (s *distributionsScreen) fileButton() fyne.CanvasObject {
	return s.u.fileButton(s.u.exportItem("distributions", s.exportTable))
}

func (s *distributionsScreen) exportTable() tableFunc {
	u, f := s.u, data.DistributionFilter{CampaignID: s.u.campaign.ID}
	return func(l string) (exchange.Table, error) { return exchange.DistributionsTable(u.ctx, u.st, f, l) }
}

func (s *appealsScreen) fileButton() fyne.CanvasObject {
	return s.u.fileButton(s.u.exportItem("appeals", s.exportTable))
}

func (s *appealsScreen) exportTable() tableFunc {
	u := s.u
	f := data.AppealFilter{CampaignID: u.campaign.ID, Status: s.statuses.code(s.status.Selected), Overdue: s.overdue.Checked}
	return func(l string) (exchange.Table, error) { return exchange.AppealsTable(u.ctx, u.st, f, l) }
}
