package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/mektepkezhol/app/data"
)

// appealChild links an appeal to the child it is about: search by name or
// IIN, pick one of the results, or clear the link.
type appealChild struct {
	f      *appealForm
	id     int64
	found  []data.Child
	gen    int          // bumped by each set; a late answer of an old one is dropped
	picks  *childSearch // ui/child_pick.go
	search *lineEntry
	pick   *widget.Select
	linked *widget.Label
	clear  *widget.Button
}

func newAppealChild(f *appealForm) *appealChild {
	c := &appealChild{f: f, search: newLineEntry(), linked: widget.NewLabel("—")}
	c.search.SetPlaceHolder(lang.L("appeal.child_search"))
	c.picks = newChildSearch(f.u, "appeal", 2, c.showFound)
	c.search.OnChanged = c.onSearchChanged
	c.pick = newSelect(nil, c.onPicked)
	c.pick.PlaceHolder = lang.L("appeal.child_pick")
	c.clear = widget.NewButtonWithIcon("", theme.ContentClearIcon(), c.onClearTapped)
	return c
}

func (c *appealChild) buildUI() fyne.CanvasObject {
	return container.NewVBox(container.NewBorder(nil, nil, nil, c.clear, c.linked), c.search, c.pick)
}

// set shows the appeal's child (0: none) without marking the form dirty.
func (c *appealChild) set(id int64) {
	c.id, c.found, c.gen = id, nil, c.gen+1
	c.picks.run.stop()
	c.search.SetText("")
	c.pick.Options, c.pick.Selected = nil, ""
	c.pick.Refresh()
	c.linked.SetText("—")
	if id == 0 {
		c.clear.Disable()
		return
	}
	c.clear.Enable()
	gen := c.gen
	background(func() {
		ch, err := c.f.u.st.FindChildByID(c.f.u.ctx, id)
		fyne.Do(func() {
			if gen != c.gen {
				return
			}
			if err != nil {
				showError(c.f.u.win, err)
				return
			}
			c.linked.SetText(childLine(ch))
		})
	})
}

// childLine names a child for the clerk: «Surname Name · IIN».
func childLine(ch data.Child) string { return ch.FullName() + " · " + string(ch.IIN) }

func (c *appealChild) onSearchChanged(q string) {
	if c.f.state.filling {
		return
	}
	c.picks.onChanged(q)
}

// showFound offers the children found for the search box.
func (c *appealChild) showFound(q string, rows []data.Child) {
	c.found = rows
	var opts []string
	for _, ch := range rows {
		opts = append(opts, childLine(ch))
	}
	c.pick.Options, c.pick.Selected = opts, ""
	if len(opts) == 0 && len([]rune(strings.TrimSpace(q))) >= 2 {
		c.pick.PlaceHolder = lang.L("appeal.child_none")
	} else {
		c.pick.PlaceHolder = lang.L("appeal.child_pick")
	}
	c.pick.Refresh()
}

func (c *appealChild) onPicked(label string) {
	i := indexOf(c.pick.Options, label)
	if i < 0 || i >= len(c.found) || c.f.state.filling {
		return
	}
	c.id = c.found[i].ID
	c.linked.SetText(label)
	c.clear.Enable()
	c.f.state.dirty = true
}

func (c *appealChild) onClearTapped() {
	c.id = 0
	c.linked.SetText("—")
	c.clear.Disable()
	c.f.state.dirty = true
}
