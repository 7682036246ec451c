package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/mektepkezhol/app/data"
)

// purchaseForm records goods the office bought with the money raised
// («Сатып алу»): they add to the campaign's stock.
type purchaseForm struct {
	s     *itemsScreen
	items []data.AidItem
	names []string

	item                         *widget.Select
	size, qty, price, date, note *lineEntry
	total                        *widget.Label
	recent                       *widget.Label // the item's latest purchases in the campaign
	gen                          int           // bumped by each item change; late answers are dropped
	save                         *widget.Button
	dlg                          dialog.Dialog
}

func newPurchaseForm(s *itemsScreen, preset data.AidItem) *purchaseForm {
	f := &purchaseForm{s: s, size: newLineEntry(), qty: newLineEntry(), price: newLineEntry(),
		date: newLineEntry(), note: newLineEntry(), total: widget.NewLabel(""), recent: widget.NewLabel("")}
	f.recent.Importance = widget.LowImportance
	for _, l := range s.rows {
		f.items = append(f.items, l.Item)
		f.names = append(f.names, l.Item.Name(language()))
	}
	f.item = newSelect(f.names, func(string) { f.onItemChanged() })
	f.date.Validator = dateValidator
	f.date.SetPlaceHolder(lang.L("date.placeholder"))
	f.date.SetText(dateText(s.u.campaignDay()))
	f.size.SetPlaceHolder(lang.L("purchase.size_hint"))
	f.qty.OnChanged = func(string) { f.showTotal() }
	f.price.OnChanged = func(string) { f.showTotal() }
	f.save = widget.NewButtonWithIcon(lang.L("action.save"), theme.DocumentSaveIcon(), f.onSaveTapped)
	f.save.Importance = widget.HighImportance
	for i, a := range f.items {
		if a.ID == preset.ID {
			f.item.SetSelected(f.names[i])
		}
	}
	f.onItemChanged()
	return f
}

func (f *purchaseForm) show() {
	form := widget.NewForm(
		widget.NewFormItem(lang.L("field.item"), f.item),
		widget.NewFormItem(lang.L("field.size"), f.size),
		widget.NewFormItem(lang.L("field.quantity"), f.qty),
		widget.NewFormItem(lang.L("field.unit_price"), f.price),
		widget.NewFormItem(lang.L("field.purchased_on"), f.date),
		widget.NewFormItem(lang.L("field.notes"), f.note),
		widget.NewFormItem("", f.total))
	cancel := widget.NewButton(lang.L("action.cancel"), func() { f.dlg.Hide() })
	title := lang.L("purchase.title", map[string]any{"Year": f.s.u.campaign.Year})
	f.dlg = dialog.NewCustomWithoutButtons(title, container.NewVBox(form, widget.NewSeparator(), f.recent, container.NewHBox(cancel, f.save)), f.s.u.win)
	f.dlg.Resize(fyne.NewSize(480, 0))
	f.dlg.Show()
}

// selected returns the item chosen, or the zero item.
func (f *purchaseForm) selected() data.AidItem {
	if i := indexOf(f.names, f.item.Selected); i >= 0 {
		return f.items[i]
	}
	return data.AidItem{}
}

// onItemChanged asks for a size only for items where sizes matter.
func (f *purchaseForm) onItemChanged() {
	f.loadRecent()
	if f.selected().Sized {
		f.size.Enable()
		return
	}
	f.size.SetText("")
	f.size.Disable()
}

// recentPurchases is how many of the item's purchases the dialog lists.
const recentPurchases = 5

// loadRecent lists the item's latest purchases in the campaign, so the
// clerk sees a purchase entered twice.
func (f *purchaseForm) loadRecent() {
	f.gen++
	gen, a := f.gen, f.selected()
	if a.ID == 0 {
		f.recent.SetText("")
		return
	}
	filter := data.PurchaseFilter{CampaignID: f.s.u.campaign.ID, ItemID: a.ID}
	background(func() {
		ps, err := f.s.u.st.FindPurchases(f.s.u.ctx, filter)
		fyne.Do(func() {
			if gen != f.gen {
				return
			}
			if err != nil {
				showError(f.s.u.win, err)
				return
			}
			f.recent.SetText(purchaseLines(a, ps))
		})
	})
}

// purchaseLines writes «15.08.2019 · 12 жиынтық (38) × 4 500 ₸ · note».
func purchaseLines(a data.AidItem, ps []data.Purchase) string {
	if len(ps) == 0 {
		return lang.L("purchase.none")
	}
	lines := []string{lang.L("purchase.recent", map[string]any{"N": len(ps)})}
	for _, p := range ps[:min(len(ps), recentPurchases)] {
		line := dateText(p.PurchasedOn) + " · " + unitCount(p.Quantity, a)
		if p.Size != "" {
			line += " (" + p.Size + ")"
		}
		line += " × " + money(p.UnitPriceTenge)
		if p.Notes != "" {
			line += " · " + p.Notes
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

// showTotal writes quantity × price as the clerk types.
func (f *purchaseForm) showTotal() {
	q, ok1 := parseInt(f.qty.Text)
	p, ok2 := parseInt(f.price.Text)
	if !ok1 || !ok2 || q <= 0 {
		f.total.SetText("")
		return
	}
	f.total.SetText(lang.L("purchase.total", map[string]any{"Sum": money(q * p)}))
}

// read builds the purchase from the fields, naming a field it cannot read.
func (f *purchaseForm) read() (data.Purchase, error) {
	p := data.Purchase{CampaignID: f.s.u.campaign.ID, ItemID: f.selected().ID, Size: strings.TrimSpace(f.size.Text),
		Notes: strings.TrimSpace(f.note.Text)}
	var ok bool
	if p.Quantity, ok = parseInt(f.qty.Text); !ok {
		return p, &data.ValidationError{Field: "quantity", Value: f.qty.Text, Key: "err.number"}
	}
	if p.UnitPriceTenge, ok = parseInt(f.price.Text); !ok {
		return p, &data.ValidationError{Field: "unit_price", Value: f.price.Text, Key: "err.number"}
	}
	if p.PurchasedOn, ok = parseDate(f.date.Text); !ok {
		return p, &data.ValidationError{Field: "purchased_on", Value: f.date.Text, Key: "err.date"}
	}
	return p, nil
}

// onSaveTapped saves the purchase and shows the stock it adds to; the
// dialog stays open on an error so nothing typed is lost.
func (f *purchaseForm) onSaveTapped() {
	p, err := f.read()
	if err != nil {
		showError(f.s.u.win, err)
		return
	}
	f.s.u.askOutsideCampaign(p.PurchasedOn, func() { f.store(p) })
}

func (f *purchaseForm) store(p data.Purchase) {
	if err := f.s.u.st.CreatePurchase(f.s.u.ctx, &p); err != nil {
		showError(f.s.u.win, err)
		return
	}
	f.dlg.Hide()
	f.s.refresh()
}
