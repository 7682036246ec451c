package ui

import (
	"time"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
)

// campaignDay is the day new records of the chosen campaign are dated and
// ages are counted on: today while the campaign runs, else its last day.
func (u *App) campaignDay() time.Time { return u.campaign.DefaultDay(today()) }

// askOutsideCampaign runs save at once when day falls within the chosen
// campaign, else only once the clerk agrees to a date outside it.
func (u *App) askOutsideCampaign(day time.Time, save func()) {
	c := u.campaign
	if c.ID == 0 || day.IsZero() || c.Contains(day) {
		save()
		return
	}
	msg := lang.L("campaign.outside", map[string]any{"Date": dateText(day), "From": dateText(c.StartsOn),
		"To": dateText(c.EndsOn), "Year": c.Year})
	d := dialog.NewConfirm(lang.L("campaign.outside_title"), msg, func(ok bool) {
		if ok {
			save()
		}
	}, u.win)
	d.SetConfirmText(lang.L("action.save"))
	d.SetDismissText(lang.L("action.cancel"))
	d.Show()
}
