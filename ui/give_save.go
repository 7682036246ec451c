package ui

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"

	"github.com/mektepkezhol/app/data"
)

// groupMax is the most children a group distribution goes to: more than
// the largest school's roll. A group without a school (a region's whole
// file) is refused, so that the clerk narrows it.
const groupMax = 5000

// onFindGroupTapped selects the group: the children of a school, category
// and grade, without those who already got the chosen item; the store
// leaves them out and stops after groupMax.
func (f *giveForm) onFindGroupTapped() {
	school, _ := strconv.Atoi(f.schoolChoice.code(f.school.Selected))
	g := data.GroupFilter{Children: data.ChildFilter{Category: f.catChoice.code(f.category.Selected),
		Grade: max(indexOf(f.grade.Options, f.grade.Selected), 0)}}
	for _, sc := range f.schools {
		if sc.Number == school {
			g.Children.SchoolID = sc.ID
		}
	}
	if itemID, _ := strconv.ParseInt(f.itemChoice.code(f.item.Selected), 10, 64); f.withoutItem.Checked && itemID != 0 {
		g.CampaignID, g.ItemID = f.u.campaign.ID, itemID
	}
	n := f.groupMax
	background(func() {
		kids, more, err := f.u.st.FindGroup(f.u.ctx, g, n)
		fyne.Do(func() {
			if err != nil {
				showError(f.u.win, err)
				return
			}
			if more {
				f.recipients = nil
				f.who.SetText(lang.L("dist.group_too_big", map[string]any{"N": number(int64(n))}))
				return
			}
			f.recipients = kids
			f.showRecipients()
		})
	})
}

func (f *giveForm) showRecipients() {
	switch n := len(f.recipients); {
	case n == 0:
		f.who.SetText(lang.L("dist.nobody"))
	case n == 1:
		c := f.recipients[0]
		f.who.SetText(lang.L("dist.to_one", map[string]any{"Name": c.FullName(), "IIN": string(c.IIN)}))
	default:
		var names []string
		for _, c := range f.recipients[:min(n, 3)] {
			names = append(names, c.FullName())
		}
		f.who.SetText(tn("dist.to_group", int64(n), map[string]any{"Names": strings.Join(names, ", ")}))
	}
}

// batch builds the distributions of the form, or says which field is wrong.
func (f *giveForm) batch() ([]data.Distribution, error) {
	if len(f.recipients) == 0 {
		return nil, &data.ValidationError{Field: "child", Key: "err.required"}
	}
	itemID, _ := strconv.ParseInt(f.itemChoice.code(f.item.Selected), 10, 64)
	qty, ok := parseInt(f.quantity.Text)
	if !ok {
		return nil, &data.ValidationError{Field: "quantity", Value: f.quantity.Text, Key: "err.quantity"}
	}
	on, ok := parseDate(f.givenOn.Text)
	if !ok {
		return nil, &data.ValidationError{Field: "given_on", Value: f.givenOn.Text, Key: "err.date"}
	}
	ds := make([]data.Distribution, 0, len(f.recipients))
	for _, c := range f.recipients {
		ds = append(ds, data.Distribution{ChildID: c.ID, CampaignID: f.u.campaign.ID, ItemID: itemID, Size: f.size.Text,
			Quantity: qty, GivenOn: on, ActNumber: f.act.Text, IssuedBy: osUserName()})
	}
	return ds, nil
}

func (f *giveForm) onGiveTapped() {
	ds, err := f.batch()
	if err != nil {
		showError(f.u.win, err)
		return
	}
	f.u.askOutsideCampaign(ds[0].GivenOn, func() { f.store(ds, false) })
}

func (f *giveForm) store(ds []data.Distribution, force bool) {
	err := f.u.st.CreateDistributions(f.u.ctx, ds, force)
	if dc, ok := err.(*data.DistributionConflict); ok && !force {
		f.confirmConflict(ds, dc)
		return
	}
	if err != nil {
		showError(f.u.win, err)
		return
	}
	dialog.ShowInformation(lang.L("dist.done_title"), tn("dist.done", int64(len(ds)),
		map[string]any{"Act": ds[0].ActNumber}), f.u.win)
	f.clear()
	f.refresh()
	if f.onSaved != nil {
		f.onSaved()
	}
}

// confirmConflict lists the children who already got the item and the
// stock shortages, and saves anyway only if the clerk says so.
func (f *giveForm) confirmConflict(ds []data.Distribution, dc *data.DistributionConflict) {
	names := map[int64]string{}
	for _, c := range f.recipients {
		names[c.ID] = c.FullName()
	}
	var lines []string
	for i, d := range dc.Duplicates {
		if i == 10 {
			lines = append(lines, lang.L("dist.and_more", map[string]any{"N": len(dc.Duplicates) - 10}))
			break
		}
		lines = append(lines, "• "+lang.L("dist.duplicate", map[string]any{"Name": names[d.ChildID]}))
	}
	for _, s := range dc.Shortages {
		l := f.stockLine(strconv.FormatInt(s.ItemID, 10))
		lines = append(lines, "• "+lang.L("dist.shortage", map[string]any{"Item": l.Item.Name(language()),
			"Left": number(s.Available), "Wanted": number(s.Wanted)}))
	}
	msg := fmt.Sprintf("%s\n\n%s\n\n%s", conflictText(dc), strings.Join(lines, "\n"), lang.L("dist.force_question"))
	d := dialog.NewConfirm(lang.L("dist.conflict_title"), msg, func(ok bool) {
		if ok {
			f.store(ds, true)
		}
	}, f.u.win)
	d.SetConfirmText(lang.L("dist.force"))
	d.SetDismissText(lang.L("action.cancel"))
	d.Show()
}
