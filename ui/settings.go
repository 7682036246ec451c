package ui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/mektepkezhol/app/data"
)

// settingsScreen edits the office's details and the app's language.
type settingsScreen struct {
	u     *App
	state formState

	deptKK, deptRU, cityKK, cityRU, head *lineEntry
	titleKK, titleRU, phones, dueDays    *lineEntry
	language                             *widget.RadioGroup
	langs                                choice
	dbPath                               *widget.Label
	backup                               *backupPanel // ui/settings_backup.go
	section                              string       // the card shown: its key (settingsSection)
	tabs                                 *container.AppTabs
	letters                              *letterSettings // the built cards that File → Save saves
	server                               *serverPanel
}

func newSettingsScreen(u *App) *settingsScreen {
	s := &settingsScreen{u: u, dbPath: widget.NewLabel("")}
	entries := []**lineEntry{&s.deptKK, &s.deptRU, &s.cityKK, &s.cityRU, &s.head, &s.titleKK, &s.titleRU, &s.phones, &s.dueDays}
	for _, e := range entries {
		*e = newLineEntry()
	}
	s.state.track(s.deptKK, s.deptRU, s.cityKK, s.cityRU, s.head, s.titleKK, s.titleRU, s.phones, s.dueDays)
	s.langs = newChoice([]string{"kk", "ru"}, func(c string) string { return lang.L("lang." + c) })
	s.language = widget.NewRadioGroup(s.langs.labels, func(string) {
		switch {
		case s.state.filling:
		case !u.may(data.RoleAdmin):
			code := s.langs.code(s.language.Selected)
			s.whenKept(func() { s.setOwnLanguage(code) })
		default:
			s.onLanguageChanged(s.langs.code(s.language.Selected))
		}
	})
	s.language.Horizontal = true
	s.dbPath.Wrapping = fyne.TextWrapBreak
	s.backup = newBackupPanel(u, &s.state)
	return s
}

// settingsSection is one card of the settings, shown on a tab of its own
// and built when its tab is first chosen.
type settingsSection struct {
	key   string // the card's title in the language files, its tab's label
	icon  fyne.Resource
	build func() fyne.CanvasObject
}

// sections are the cards this clerk sees: the users' only on a server,
// the data's retention and the log only to the admin.
func (s *settingsScreen) sections() []settingsSection {
	list := []settingsSection{
		{"settings.office", theme.HomeIcon(), s.officeCard},
		{"settings.app", theme.SettingsIcon(), s.appCard},
		{"backup.title", theme.StorageIcon(), func() fyne.CanvasObject { return s.backup.buildUI(s.saveOffice) }},
		{"server.title", theme.ComputerIcon(), func() fyne.CanvasObject {
			s.server = newServerPanel(s.u)
			return s.server.buildUI()
		}},
	}
	if s.u.st.OnServer() {
		list = append(list, settingsSection{"users.title", theme.AccountIcon(), func() fyne.CanvasObject { return newUsersPanel(s.u).buildUI() }})
	}
	if s.u.may(data.RoleAdmin) {
		list = append(list,
			settingsSection{"settings.retention", theme.DeleteIcon(), func() fyne.CanvasObject { return newRetentionPanel(s.u).buildUI() }},
			settingsSection{"audit.title", theme.ListIcon(), func() fyne.CanvasObject { return newAuditCard(s.u) }})
	}
	return append(list, settingsSection{"letters.settings", theme.MailComposeIcon(), func() fyne.CanvasObject {
		s.letters = newLetterSettings(s.u)
		return s.letters.buildUI()
	}})
}

// buildUI shows the cards as tabs down the side, the last one chosen
// open. Only the chosen card is built, laid out and painted: the seven
// cards (eight on a server) in one scroll took 155–249 ms to open on the
// stress database, all in one run of the UI goroutine, since Fyne paints
// what is scrolled out of sight too.
func (s *settingsScreen) buildUI() fyne.CanvasObject {
	s.letters, s.server = nil, nil
	secs := s.sections()
	items := make([]*container.TabItem, len(secs))
	chosen := 0
	for i, sec := range secs {
		items[i] = container.NewTabItemWithIcon(lang.L(sec.key), sec.icon, container.NewStack())
		if sec.key == s.section {
			chosen = i
		}
	}
	open := func(i int) {
		s.section = secs[i].key
		if box := items[i].Content.(*fyne.Container); len(box.Objects) == 0 {
			box.Objects = []fyne.CanvasObject{newFormScroll(container.NewPadded(secs[i].build()))}
			box.Refresh()
		}
	}
	open(chosen)
	tabs := container.NewAppTabs(items...)
	tabs.SetTabLocation(container.TabLocationLeading)
	tabs.SelectIndex(chosen)
	tabs.OnSelected = func(*container.TabItem) { open(tabs.SelectedIndex()) }
	s.tabs = tabs
	return tabs
}

// choose shows the tab of the card titled key on the settings on screen,
// keeping what is typed in the others; false if it has none.
func (s *settingsScreen) choose(key string) bool {
	if s.tabs == nil || s.u.current != scrSettings {
		return false
	}
	for _, it := range s.tabs.Items {
		if it.Text == lang.L(key) {
			s.tabs.Select(it)
			return true
		}
	}
	return false
}

// officeCard holds the office's details; its Save stores the backup's
// card too, which shares the form's state.
func (s *settingsScreen) officeCard() fyne.CanvasObject {
	save := widget.NewButtonWithIcon(lang.L("action.save"), theme.DocumentSaveIcon(), s.saveOffice)
	save.Importance = widget.HighImportance
	office := widget.NewForm(
		widget.NewFormItem(lang.L("field.department_kk"), s.deptKK),
		widget.NewFormItem(lang.L("field.department_ru"), s.deptRU),
		widget.NewFormItem(lang.L("field.city_kk"), s.cityKK),
		widget.NewFormItem(lang.L("field.city_ru"), s.cityRU),
		widget.NewFormItem(lang.L("field.head_name"), s.head),
		widget.NewFormItem(lang.L("field.head_title_kk"), s.titleKK),
		widget.NewFormItem(lang.L("field.head_title_ru"), s.titleRU),
		widget.NewFormItem(lang.L("field.hotline_phones"), s.phones),
		widget.NewFormItem(lang.L("field.appeal_due_days"), s.dueDays))
	return widget.NewCard("", lang.L("settings.office"), container.NewVBox(office,
		container.NewHBox(save, s.u.guard(data.RoleAdmin, save))))
}

// appCard holds the language, which applies as soon as it is chosen, and
// the database in use.
func (s *settingsScreen) appCard() fyne.CanvasObject {
	app := widget.NewForm(
		widget.NewFormItem(lang.L("field.language"), s.language),
		widget.NewFormItem(lang.L("field.database"), s.dbPath))
	hint := widget.NewLabel(lang.L("settings.db_hint", map[string]any{"Env": data.EnvDB}))
	hint.Wrapping = fyne.TextWrapWord
	hint.Importance = widget.LowImportance
	return widget.NewCard("", lang.L("settings.app"), container.NewVBox(app, hint))
}

// showSettings opens the settings on the card titled key; on the
// settings already, it only chooses the tab, so nothing typed is lost.
func (u *App) showSettings(key string) {
	if u.current == scrSettings {
		u.screens[scrSettings].(*settingsScreen).choose(key)
		return
	}
	u.show(scrSettings, func(sc screen) { sc.(*settingsScreen).section = key })
}

func (s *settingsScreen) refresh() {
	st, err := s.u.st.Settings(s.u.ctx)
	if err != nil {
		showError(s.u.win, err)
		return
	}
	s.state.fill(func() {
		s.deptKK.SetText(st.DepartmentKK)
		s.deptRU.SetText(st.DepartmentRU)
		s.cityKK.SetText(st.CityKK)
		s.cityRU.SetText(st.CityRU)
		s.head.SetText(st.HeadName)
		s.titleKK.SetText(st.HeadTitleKK)
		s.titleRU.SetText(st.HeadTitleRU)
		s.phones.SetText(strings.Join(st.HotlinePhones, ", "))
		s.dueDays.SetText(strconv.Itoa(st.AppealDueDays))
		s.language.SetSelected(s.langs.label(s.u.settings.Language)) // the language in use
		s.dbPath.SetText(s.u.st.Path())
		s.backup.fill(st)
	})
}

// onSaveTapped is File → Save (Ctrl+S): it saves the card on screen.
// The office's and the backup's cards share one Save; the language
// applies when chosen; the users, the retention and the log have no Save.
func (s *settingsScreen) onSaveTapped() {
	if s.section != "server.title" && !s.u.may(data.RoleAdmin) {
		return // the office's settings are the admin's: their Save buttons are off
	}
	switch s.section {
	case "letters.settings":
		if s.letters != nil && s.letters.save != nil && !s.letters.save.Disabled() {
			s.letters.onSaveTapped()
		}
	case "server.title":
		if s.server != nil {
			s.server.onSaveTapped()
		}
	case "settings.office", "backup.title", "settings.app":
		s.saveOffice()
	}
}

// saveOffice saves the office's details and the backup's card; a field
// refused is shown on its tab.
func (s *settingsScreen) saveOffice() {
	st, err := s.u.st.Settings(s.u.ctx)
	if err != nil {
		showError(s.u.win, err)
		return
	}
	st.DepartmentKK, st.DepartmentRU, st.CityKK, st.CityRU = s.deptKK.Text, s.deptRU.Text, s.cityKK.Text, s.cityRU.Text
	st.HeadName, st.HeadTitleKK, st.HeadTitleRU = s.head.Text, s.titleKK.Text, s.titleRU.Text
	st.HotlinePhones = nil
	for _, p := range strings.Split(s.phones.Text, ",") {
		if p = strings.TrimSpace(p); p != "" {
			st.HotlinePhones = append(st.HotlinePhones, p)
		}
	}
	days, ok := parseInt(s.dueDays.Text)
	if !ok {
		s.choose("settings.office")
		showError(s.u.win, &data.ValidationError{Field: "appeal_due_days", Value: s.dueDays.Text, Key: "err.settings.due_days"})
		return
	}
	st.AppealDueDays = int(days)
	st.Language = s.langs.code(s.language.Selected)
	if err := s.backup.apply(&st); err != nil {
		s.choose("backup.title")
		showError(s.u.win, err)
		return
	}
	if err := s.u.st.SaveSettings(s.u.ctx, st); err != nil {
		showError(s.u.win, err)
		return
	}
	s.state.dirty = false
	s.u.applySettings(st)
}

// unsaved tells changes typed and not saved: in the office's and the
// backup's cards, or in the letters' template.
func (s *settingsScreen) unsaved() bool {
	return s.state.dirty || (s.letters != nil && s.letters.state.dirty)
}

// onLanguageChanged saves the office's language at once and shows every
// screen in it; changes typed into the office's fields are asked about
// first, since the screens are built again.
func (s *settingsScreen) onLanguageChanged(code string) {
	if code == "" || code == s.u.settings.Language {
		return
	}
	apply := func() {
		st, err := s.u.st.Settings(s.u.ctx)
		if err == nil {
			st.Language = code
			err = s.u.st.SaveSettings(s.u.ctx, st)
		}
		if err != nil {
			s.showLanguage()
			showError(s.u.win, err)
			return
		}
		s.state.dirty = false
		s.u.applySettings(st)
	}
	s.whenKept(apply)
}

// whenKept runs a language's switch, which builds every screen again: at
// once, or once the clerk agrees to drop what she typed and did not save;
// kept, the choice shows the language in use again.
func (s *settingsScreen) whenKept(switchTo func()) {
	if !s.unsaved() {
		switchTo()
		return
	}
	s.u.confirmDiscard(switchTo, s.showLanguage)
}

// showLanguage puts the language in use back in the choice, as when the
// clerk keeps her unsaved changes instead of switching.
func (s *settingsScreen) showLanguage() {
	s.state.filling = true
	defer func() { s.state.filling = false }()
	s.language.SetSelected(s.langs.label(s.u.settings.Language))
}
