package ui

import (
	"fmt"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/mektepkezhol/app/data"
)

// campaignSwitcher picks the campaign every screen shows and starts a new
// one. The aid catalogue and the schools are shared by all campaigns, so
// a new campaign starts with the same catalogue and an empty stock.
type campaignSwitcher struct {
	u      *App
	sel    *widget.Select
	labels []string
}

func newCampaignSwitcher(u *App) *campaignSwitcher {
	c := &campaignSwitcher{u: u}
	c.sel = newSelect(nil, c.onSelected)
	c.fill()
	return c
}

func (c *campaignSwitcher) label(cp data.Campaign) string {
	return fmt.Sprintf("%d · %s", cp.Year, cp.Name(language()))
}

func (c *campaignSwitcher) fill() {
	c.labels = nil
	for _, cp := range c.u.campaigns {
		c.labels = append(c.labels, c.label(cp))
	}
	c.sel.Options = c.labels
	if c.u.campaign.ID != 0 {
		c.sel.Selected = c.label(c.u.campaign)
	}
	c.sel.Refresh()
}

func (c *campaignSwitcher) buildUI() fyne.CanvasObject {
	add := widget.NewButtonWithIcon(lang.L("campaign.new"), theme.ContentAddIcon(), c.onNewTapped)
	return container.NewHBox(widget.NewLabel(lang.L("campaign.label")), container.NewGridWrap(fyne.NewSize(300, 36), c.sel), add)
}

func (c *campaignSwitcher) onSelected(label string) {
	i := indexOf(c.labels, label)
	if i < 0 || c.u.campaigns[i].ID == c.u.campaign.ID {
		return
	}
	c.u.setCampaign(c.u.campaigns[i])
}

// onNewTapped asks for the new campaign's year and dates and saves it.
func (c *campaignSwitcher) onNewTapped() {
	year := today().Year()
	for _, cp := range c.u.campaigns {
		if cp.Year >= year {
			year = cp.Year + 1
		}
	}
	yearE, nameKK, nameRU, slogan := newLineEntry(), newLineEntry(), newLineEntry(), newLineEntry()
	starts, ends := newLineEntry(), newLineEntry()
	yearE.SetText(strconv.Itoa(year))
	nameKK.SetText("«Мектепке жол» акциясы")
	nameRU.SetText("Акция «Дорога в школу»")
	starts.SetText(dateText(data.Date(year, 6, 1)))
	ends.SetText(dateText(data.Date(year, 9, 30)))
	starts.Validator, ends.Validator = dateValidator, dateValidator
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("field.year"), yearE),
		widget.NewFormItem(lang.L("field.name_kk"), nameKK),
		widget.NewFormItem(lang.L("field.name_ru"), nameRU),
		widget.NewFormItem(lang.L("field.slogan"), slogan),
		widget.NewFormItem(lang.L("field.starts_on"), starts),
		widget.NewFormItem(lang.L("field.ends_on"), ends),
	}
	d := dialog.NewForm(lang.L("campaign.new"), lang.L("action.save"), lang.L("action.cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		y, _ := strconv.Atoi(yearE.Text)
		s, _ := parseDate(starts.Text)
		e, _ := parseDate(ends.Text)
		cp := data.Campaign{Year: y, NameKK: nameKK.Text, NameRU: nameRU.Text, Slogan: slogan.Text, StartsOn: s,
			EndsOn: e, Status: data.CampaignActive}
		if err := c.u.st.CreateCampaign(c.u.ctx, &cp); err != nil {
			showError(c.u.win, err)
			return
		}
		c.u.campaign = cp
		c.u.loadCampaigns()
		c.fill()
		c.u.setCampaign(cp)
	}, c.u.win)
	d.Resize(fyne.NewSize(520, 420))
	d.Show()
}
