// Package ui is the clerks' desktop workspace over the campaign data: one
// file per screen, each built over the small Store interface so that it
// can be driven headless in tests.
package ui

import (
	"context"
	"encoding/json"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/mektepkezhol/app/data"
)

// screen is one page of the workspace.
type screen interface {
	buildUI() fyne.CanvasObject
	// refresh reloads the screen's data, e.g. after the campaign changed.
	refresh()
}

// Optional abilities of a screen, reached by the shortcuts.
type (
	newer    interface{ onNewTapped() }
	saver    interface{ onSaveTapped() }
	searcher interface{ focusSearch() }
	// editor tells whether a form holds changes not yet saved.
	editor interface{ unsaved() bool }
	// leaver lets go of what a screen holds (its rows) when another is shown.
	leaver interface{ onLeft() }
)

// Screen names, used by the navigation and the dashboard's click-through.
const (
	scrDashboard     = "dashboard"
	scrSponsors      = "sponsors"
	scrDonations     = "donations"
	scrChildren      = "children"
	scrDistributions = "distributions"
	scrAppeals       = "appeals"
	scrCoverage      = "coverage" // ui/coverage.go
	scrReports       = "reports"
	scrSchools       = "schools"
	scrItems         = "items"
	scrSettings      = "settings"
)

var screenOrder = []string{scrDashboard, scrSponsors, scrDonations, scrChildren, scrDistributions, scrAppeals,
	scrCoverage, scrReports, scrSchools, scrItems, scrSettings}

// screenIcon returns a screen's icon in the current theme (a function, not
// a map filled at init, because theme icons need the running app).
func screenIcon(name string) fyne.Resource {
	switch name {
	case scrSponsors:
		return theme.AccountIcon()
	case scrDonations:
		return theme.ContentAddIcon()
	case scrChildren:
		return theme.ListIcon()
	case scrDistributions:
		return theme.UploadIcon()
	case scrAppeals:
		return theme.MailComposeIcon()
	case scrCoverage:
		return theme.SearchIcon()
	case scrReports:
		return theme.DocumentIcon()
	case scrSchools:
		return theme.GridIcon()
	case scrItems:
		return theme.StorageIcon()
	case scrSettings:
		return theme.SettingsIcon()
	}
	return theme.HomeIcon()
}

// App is the workspace: the navigation, the campaign switcher and the
// current screen.
type App struct {
	app fyne.App
	win fyne.Window
	st  Store
	ctx context.Context

	settings  data.Settings
	campaigns []data.Campaign
	campaign  data.Campaign

	docs     Documents                   // ui/documents.go
	openDocs func(*data.Store) Documents // docs over a reopened store

	screens  map[string]screen
	current  string
	content  *fyne.Container
	nav      *navList
	switcher *campaignSwitcher
	help     *helpWindow // ui/help.go, while open
	tips     *tipLayer   // ui/tooltip.go: cut cells' whole texts
	timings  *timings    // ui/timings.go, nil unless asked for
	started  time.Time   // the process's start (LogStartup), for the timings' walk
	busy     *busyMark   // ui/busy.go
	freeing  atomic.Bool // ui/leave.go: memory being handed back

	searchWait time.Duration // the Children count's wait (ui/children_find.go); tests set 0
}

// New builds the workspace into w over st, in the language of the saved
// settings, showing the newest campaign's dashboard.
func New(a fyne.App, w fyne.Window, st Store, opts ...Option) *App {
	u := &App{app: a, win: w, st: st, ctx: context.Background(), searchWait: searchDelay}
	for _, o := range opts {
		o(u)
	}
	u.bindDocuments()
	st0, err := st.Settings(u.ctx)
	if err != nil {
		fyne.LogError("load settings", err)
	}
	u.settings = st0
	if lang, ok := ownLanguage(u); ok {
		u.settings.Language = lang
	}
	setLanguage(u.settings.Language)
	u.loadCampaigns()
	u.build()
	u.restoreWindowSize()
	w.SetCloseIntercept(u.onCloseRequested)
	w.Canvas().SetOnTypedKey(u.onTypedKey) // ui/keys.go: F1 help, Esc and Enter answer dialogs
	u.startAutoBackup()                    // ui/settings_backup.go
	return u
}

func (u *App) loadCampaigns() {
	cs, err := u.st.FindCampaigns(u.ctx)
	if err != nil {
		showError(u.win, err)
	}
	u.campaigns = cs
	if len(cs) > 0 && u.campaign.ID == 0 {
		u.campaign = cs[0] // the newest year
	}
}

// build (re)creates every screen, e.g. after the language changed.
func (u *App) build() {
	u.win.SetTitle(lang.L("app.title")) // «Мектепке жол» / «Дорога в школу»
	settings := newSettingsScreen(u)
	if old, ok := u.screens[scrSettings].(*settingsScreen); ok {
		settings.section = old.section // a language chosen on its tab, a restore: the same tab
	}
	u.screens = map[string]screen{
		scrDashboard:     newDashboardScreen(u),
		scrSponsors:      newSponsorsScreen(u),
		scrDonations:     newDonationsScreen(u),
		scrChildren:      newChildrenScreen(u),
		scrDistributions: newDistributionsScreen(u),
		scrAppeals:       newAppealsScreen(u),
		scrCoverage:      newCoverageScreen(u),
		scrReports:       newReportsScreen(u),
		scrSchools:       newSchoolsScreen(u),
		scrItems:         newItemsScreen(u),
		scrSettings:      settings,
	}
	u.content = container.NewStack()
	u.nav = newNavList(func() int { return len(screenOrder) },
		func() fyne.CanvasObject {
			return container.NewHBox(widget.NewIcon(theme.HomeIcon()), widget.NewLabel("Мектепке жол ______"))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Icon).SetResource(screenIcon(screenOrder[i]))
			box.Objects[1].(*widget.Label).SetText(lang.L("nav." + screenOrder[i]))
		}, u.showHelp)
	u.nav.OnSelected = func(i widget.ListItemID) {
		if screenOrder[i] != u.current {
			u.show(screenOrder[i], nil)
		}
	}
	u.switcher = newCampaignSwitcher(u)
	u.busy = newBusyMark()
	title := widget.NewLabelWithStyle(lang.L("app.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	top := container.NewBorder(nil, nil, title, container.NewHBox(u.busy.spin, u.userLabel(), u.switcher.buildUI()))
	split := container.NewHSplit(u.nav, u.content)
	split.Offset = 0.16
	u.tips = newTipLayer(u.win.Canvas())
	u.win.SetContent(u.tips.over(container.NewBorder(container.NewPadded(top), nil, nil, nil, split)))
	u.win.SetMainMenu(u.mainMenu())
	cur := u.current
	if cur == "" {
		cur = scrDashboard
	}
	u.current = ""
	u.show(cur, nil)
}

// show switches to a screen; setup, if given, prepares it (a filter)
// before it loads. A form with unsaved changes asks first.
func (u *App) show(name string, setup func(screen)) {
	go2 := func() {
		if prev, ok := u.screens[u.current].(leaver); ok && u.current != name {
			prev.onLeft()
		}
		if u.current != name {
			u.releaseMemory() // ui/leave.go
		}
		u.current = name
		sc := u.screens[name]
		if setup != nil {
			setup(sc)
		}
		u.content.Objects = []fyne.CanvasObject{sc.buildUI()}
		u.content.Refresh()
		sc.refresh()
		u.busy.watch()
		u.nav.Select(indexOf(screenOrder, name))
	}
	if prev, ok := u.screens[u.current].(editor); ok && prev.unsaved() && u.current != name {
		u.confirmDiscard(go2, func() { u.nav.Select(indexOf(screenOrder, u.current)) })
		return
	}
	go2()
}

// confirmDiscard asks whether to drop unsaved changes.
// whenClean runs open now, or once the clerk agrees to drop the unsaved
// changes of a form (dirty).
func (u *App) whenClean(dirty bool, open func()) {
	if dirty {
		u.confirmDiscard(open, nil)
		return
	}
	open()
}

func (u *App) confirmDiscard(discard, stay func()) {
	d := dialog.NewConfirm(lang.L("unsaved.title"), lang.L("unsaved.message"), func(ok bool) {
		if ok {
			discard()
		} else if stay != nil {
			stay()
		}
	}, u.win)
	d.SetConfirmText(lang.L("unsaved.discard"))
	d.SetDismissText(lang.L("unsaved.stay"))
	d.Show()
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

func (u *App) mainMenu() *fyne.MainMenu {
	ctrl := fyne.KeyModifierShortcutDefault
	newItem := fyne.NewMenuItem(lang.L("menu.new"), func() {
		if s, ok := u.screens[u.current].(newer); ok {
			s.onNewTapped()
		}
	})
	newItem.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: ctrl}
	findItem := fyne.NewMenuItem(lang.L("menu.search"), func() {
		if s, ok := u.screens[u.current].(searcher); ok {
			s.focusSearch()
		}
	})
	findItem.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: ctrl}
	saveItem := fyne.NewMenuItem(lang.L("menu.save"), func() {
		if s, ok := u.screens[u.current].(saver); ok {
			s.onSaveTapped()
		}
	})
	saveItem.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: ctrl}
	file := fyne.NewMenu(lang.L("menu.file"), append([]*fyne.MenuItem{newItem, findItem, saveItem}, u.exchangeMenuItems()...)...)
	var goItems []*fyne.MenuItem
	for i, name := range screenOrder {
		name := name
		it := fyne.NewMenuItem(lang.L("nav."+name), func() {
			if name != u.current { // the screen on display keeps what is typed in it
				u.show(name, nil)
			}
		})
		if i < 9 {
			it.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyName(rune('1' + i)), Modifier: ctrl}
		}
		goItems = append(goItems, it)
	}
	return fyne.NewMainMenu(file, fyne.NewMenu(lang.L("menu.go"), goItems...), u.helpMenu())
}

// setCampaign makes c the campaign of every screen.
func (u *App) setCampaign(c data.Campaign) {
	u.campaign = c
	if sc, ok := u.screens[u.current]; ok {
		sc.refresh()
		u.busy.watch()
	}
}

// applySettings takes saved settings; a new language rebuilds the screens.
func (u *App) applySettings(st data.Settings) {
	old := u.settings.Language
	u.settings = st
	if st.Language != old {
		setLanguage(st.Language)
		u.build()
	}
}

// windowSize is kept in the settings' Extra so it follows the database.
const windowSizeKey = "window_size"

func (u *App) restoreWindowSize() {
	size := fyne.NewSize(1280, 760)
	if raw, ok := u.settings.Extra[windowSizeKey]; ok {
		var s struct{ W, H float32 }
		if json.Unmarshal([]byte(raw), &s) == nil && s.W >= 640 && s.H >= 400 {
			size = fyne.NewSize(s.W, s.H)
		}
	}
	u.win.Resize(size)
}

func (u *App) saveWindowSize() {
	if !u.may(data.RoleAdmin) {
		return // the settings are the admin's: a clerk's window keeps the office's size
	}
	st, err := u.st.Settings(u.ctx)
	if err != nil {
		fyne.LogError("load settings", err)
		return
	}
	size := u.win.Canvas().Size()
	b, _ := json.Marshal(struct{ W, H float32 }{size.Width, size.Height})
	if st.Extra[windowSizeKey] == string(b) {
		return
	}
	st.Extra[windowSizeKey] = string(b)
	if err := u.st.SaveSettings(u.ctx, st); err != nil {
		fyne.LogError("save window size", err)
	}
}

func (u *App) onCloseRequested() {
	closeNow := func() {
		u.saveWindowSize()
		u.win.Close()
	}
	if e, ok := u.screens[u.current].(editor); ok && e.unsaved() {
		u.confirmDiscard(closeNow, nil)
		return
	}
	closeNow()
}
